package dev.crm.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Small helpers shared by the read models, so each stays plain JDBC. */
public final class Sql {

    private Sql() {
    }

    /**
     * A timestamp column's value. Cut to milliseconds, the precision the event store keeps, so that a
     * replay from the store writes exactly what the live projection wrote.
     */
    public static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A case-insensitive "contains" pattern for LIKE ... ESCAPE '\', with the user's wildcards escaped. */
    public static String containsPattern(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /**
     * Adds "only these departments" to a WHERE clause when {@code departments} is not null; an empty set
     * matches nothing (a user without departments has no department's objects).
     */
    public static void inDepartments(StringBuilder where, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                                     String column, java.util.Collection<Long> departments) {
        if (departments == null) {
            return;
        }
        if (departments.isEmpty()) {
            where.append(" AND 1 = 0");
            return;
        }
        where.append(" AND ").append(column).append(" IN (:departments)");
        params.addValue("departments", departments);
    }

    /** Field names that are SQL keywords: their column has a {@code _} after the name ({@code case}: {@code case_}). */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("case", "to");

    /**
     * The column of a field: its name in snake case ({@code alternativeNames}: {@code alternative_names}); a name that
     * is an SQL keyword gets a {@code _} ({@code case}: {@code case_}).
     */
    public static String column(String fieldName) {
        String column = fieldName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return KEYWORDS.contains(column) ? column + "_" : column;
    }

    /** A kind's own fields from a row, by name (a column per field, {@link #column}); no value: absent. */
    public static java.util.Map<String, String> fields(ResultSet rs, dev.crm.shared.kind.Kind kind) throws SQLException {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (dev.crm.shared.kind.Field field : kind.fields()) {
            String value = rs.getString(column(field.name()));
            if (value != null) {
                fields.put(field.name(), value);
            }
        }
        return fields;
    }

    /**
     * Adds the visibility of a kind whose rights are the matrix alone ({@code Permissions#reaches} for viewing) to a
     * WHERE clause that already has a condition: nothing more for who views all, the own ({@code owner}) or the
     * departments' objects for the narrower scopes. False when the actor sees none of them.
     */
    public static boolean visible(StringBuilder where, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                                  dev.crm.shared.Actor actor, String kind,
                                  java.util.function.Supplier<? extends java.util.Collection<Long>> departments) {
        return visible(where, params, actor, kind, null, departments);
    }

    /**
     * The same, where {@code alsoOwn} (null: nothing) is a condition on {@code :me} (the actor's username) that makes
     * an object the actor's as its owner's is (a co-owner: {@code co_owner = :me}).
     */
    public static boolean visible(StringBuilder where, org.springframework.jdbc.core.namedparam.MapSqlParameterSource params,
                                  dev.crm.shared.Actor actor, String kind, String alsoOwn,
                                  java.util.function.Supplier<? extends java.util.Collection<Long>> departments) {
        String own = alsoOwn == null ? "owner = :me" : "(owner = :me OR " + alsoOwn + ")";
        switch (dev.crm.shared.access.Permissions.scope(actor, kind, dev.crm.shared.access.Permissions.Action.VIEW)) {
            case ALL -> {
                return true;
            }
            case DEPT -> {
                java.util.Collection<Long> mine = departments.get();
                params.addValue("me", actor.username());
                if (mine.isEmpty()) {
                    where.append(" AND " + own);
                } else {
                    where.append(" AND (" + own + " OR department IN (:myDepartments))");
                    params.addValue("myDepartments", mine);
                }
                return true;
            }
            case OWN -> {
                where.append(" AND " + own);
                params.addValue("me", actor.username());
                return true;
            }
            default -> {
                return false;
            }
        }
    }
}
