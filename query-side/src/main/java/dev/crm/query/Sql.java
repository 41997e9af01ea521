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
}
