package dev.crm.query.fields;

import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.ProjectionWrites;
import dev.crm.query.Sort;
import dev.crm.query.Sql;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.kind.ObjectFields;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the objects of kinds of fields by name, showing each actor only those the matrix lets them view. */
@Component
public class FieldsQueries {

    /** Newest change first (each table's index {@code <kind>_view_updated}). */
    public static final Sort LATEST = new Sort(ObjectFields.UPDATED_AT.name(), true);

    /**
     * What a list asks for: a text (null: any), fields that must have a value (a reference: that object), fields whose
     * value must lie in a range (a price from … to …), departments (null: all).
     */
    public record Filter(String text, Map<Field, Object> equal, Map<Field, Range> ranges, Collection<Long> departments) {

        public Filter {
            equal = Map.copyOf(equal);
            ranges = Map.copyOf(ranges);
        }

        public Filter(String text, Map<Field, Object> equal, Collection<Long> departments) {
            this(text, equal, Map.of(), departments);
        }

        public static Filter of(String text, Collection<Long> departments) {
            return new Filter(text, Map.of(), departments);
        }
    }

    /** The values from {@code from} to {@code to}, both included (null: no bound); as the field's column takes them. */
    public record Range(Object from, Object to) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Paging paging;
    private final UserQueries users;

    public FieldsQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, Paging paging, UserQueries users) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.paging = paging;
        this.users = users;
    }

    /** The object as the command just sent on this thread left it. */
    public Optional<FieldsView> afterCommand(Kind kind, long id) {
        Optional<FieldsView> written = writes.taken(FieldsTables.table(kind), id, FieldsView.class);
        return written.isPresent() ? written : find(kind, id);
    }

    /** The object whatever its state; for callers that apply the rules themselves. */
    public Optional<FieldsView> find(Kind kind, long id) {
        return jdbc.query("SELECT * FROM " + FieldsTables.table(kind) + " WHERE id = :id",
                new MapSqlParameterSource("id", id), FieldsTables.row(kind)).stream().findFirst();
    }

    /** The live object, if the actor may view it. */
    public Optional<FieldsView> findVisible(Kind kind, long id, Actor actor) {
        return find(kind, id).filter(o -> allows(o, actor, Action.VIEW));
    }

    /** Whether the actor may do this to the live object. */
    public boolean allows(FieldsView object, Actor actor, Action action) {
        return object.allows(actor, action, coOwner(object), () -> users.departments(actor.username()));
    }

    /**
     * Its co-owner ({@link Kind#coOwner}), or, for an object held by one of a co-owned kind (a deal's payment), its
     * holder's: they have the owner's rights over it. Null: none.
     */
    public String coOwner(FieldsView object) {
        Kind kind = object.kind();
        if (kind.coOwner().isPresent()) {
            return object.get(kind.coOwner().get());
        }
        Optional<Field> holder = kind.holder();
        Optional<Kind> holderKind = holder.flatMap(h -> Kinds.named(h.name())).filter(k -> k.coOwner().isPresent());
        if (holderKind.isEmpty() || object.get(holder.get()) == null) {
            return null;
        }
        return jdbc.query("SELECT " + Sql.column(holderKind.get().coOwner().get().name()) + " FROM "
                        + FieldsTables.table(holderKind.get()) + " WHERE id = :id",
                new MapSqlParameterSource("id", Long.valueOf(object.get(holder.get()))), (rs, n) -> rs.getString(1))
                .stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The SQL condition on {@code :me} that makes the kind's objects the actor's as their owner's are, or null. */
    private static String alsoOwn(Kind kind) {
        if (kind.coOwner().isPresent()) {
            return Sql.column(kind.coOwner().get().name()) + " = :me";
        }
        Optional<Field> holder = kind.holder();
        Optional<Kind> holderKind = holder.flatMap(h -> Kinds.named(h.name())).filter(k -> k.coOwner().isPresent());
        return holderKind.map(k -> Sql.column(holder.get().name()) + " IN (SELECT id FROM " + FieldsTables.table(k)
                + " WHERE " + Sql.column(k.coOwner().get().name()) + " = :me)").orElse(null);
    }

    /** The live objects of the kind that {@code holder} holds (whoever may view them), in ID order. */
    public List<FieldsView> heldBy(Kind kind, long holder) {
        Field field = kind.holder().orElseThrow(() -> new IllegalArgumentException(kind.name() + " has no holder"));
        return naming(kind, field, holder);
    }

    /**
     * The live objects of the kind whose reference names that object (whoever may view them), in ID order: a lead's
     * deals, which its conversion moves.
     */
    public List<FieldsView> naming(Kind kind, Field reference, long id) {
        return jdbc.query("SELECT * FROM " + FieldsTables.table(kind) + " WHERE " + Sql.column(reference.name())
                + " = :named AND deleted = FALSE ORDER BY id", new MapSqlParameterSource("named", id),
                FieldsTables.row(kind));
    }

    /** A page of the objects the actor may view, as the filter asks, in the order asked ({@link FieldsTables#sorts}). */
    public Page<FieldsView> list(Kind kind, Actor actor, Filter filter, Sort sort, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = where(kind, actor, filter, params);
        if (where == null) {
            return new Page<>(List.of(), 0, Paging.number(page), Paging.size(size));
        }
        return paging.page("*", FieldsTables.table(kind), where, params, sort.orderBy(FieldsTables.sorts(kind), ""),
                FieldsTables.row(kind), page, size);
    }

    /**
     * The first {@code max} objects of that list, without its count (the search bar shows no total: a full page's
     * bounded count would scan up to 1,000 matches, 20-30 ms for a common word at 10^5 companies).
     */
    public List<FieldsView> first(Kind kind, Actor actor, Filter filter, Sort sort, int max) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = where(kind, actor, filter, params);
        if (where == null) {
            return List.of();
        }
        return paging.first("*", FieldsTables.table(kind), where, params, sort.orderBy(FieldsTables.sorts(kind), ""),
                FieldsTables.row(kind), max);
    }

    /**
     * How many of the kind's live objects the actor may view (the lists' rule, {@link #list}) have each of these values
     * of {@code field}, in one query: a value none has counts 0. Empty: the actor may view none of the kind.
     */
    public Optional<Map<String, Long>> countBy(Kind kind, Actor actor, Field field, Collection<String> values) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = where(kind, actor, Filter.of(null, null), params);
        if (where == null) {
            return Optional.empty();
        }
        String column = Sql.column(field.name());
        params.addValue("counted", values);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        values.forEach(v -> counts.put(v, 0L));
        jdbc.query("SELECT " + column + " AS counted, COUNT(*) AS n FROM " + FieldsTables.table(kind) + where
                + " AND " + column + " IN (:counted) GROUP BY " + column, params,
                rs -> {
                    counts.put(rs.getString("counted"), rs.getLong("n"));
                });
        return Optional.of(counts);
    }

    /**
     * How many of the kind's live objects the actor may view (the lists' rule) the filter keeps, in one query. Empty:
     * the actor may view none of the kind.
     */
    public Optional<Long> count(Kind kind, Actor actor, Filter filter) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        StringBuilder where = where(kind, actor, filter, params);
        if (where == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(jdbc.queryForObject("SELECT COUNT(*) FROM " + FieldsTables.table(kind) + where,
                params, Long.class));
    }

    /** The list's condition and its parameters; null: the actor may see none of the kind. */
    private StringBuilder where(Kind kind, Actor actor, Filter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" WHERE deleted = FALSE");
        if (!Sql.visible(where, params, actor, kind.name(), alsoOwn(kind), () -> users.departments(actor.username()))) {
            return null;
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(FieldsTables.textCondition(kind));
            params.addValue("pattern", Sql.containsPattern(filter.text().strip()));
        }
        int n = 0;
        for (Map.Entry<Field, Object> equal : filter.equal().entrySet()) {
            String name = "equal" + n++;
            where.append(" AND ").append(Sql.column(equal.getKey().name())).append(" = :").append(name);
            params.addValue(name, equal.getValue());
        }
        for (Map.Entry<Field, Range> range : filter.ranges().entrySet()) {
            String column = Sql.column(range.getKey().name());
            if (range.getValue().from() != null) {
                String name = "from" + n++;
                where.append(" AND ").append(column).append(" >= :").append(name);
                params.addValue(name, range.getValue().from());
            }
            if (range.getValue().to() != null) {
                String name = "to" + n++;
                where.append(" AND ").append(column).append(" <= :").append(name);
                params.addValue(name, range.getValue().to());
            }
        }
        Sql.inDepartments(where, params, ObjectFields.DEPARTMENT.name(), filter.departments());
        return where;
    }
}
