package dev.crm.query.reference;

import dev.crm.query.Sql;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.RuleOf;
import java.sql.Array;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reading reference data: a kind's live objects in their order, one object, the one that carries a mark. */
@Component
public class ReferenceQueries {

    private static final String SELECT = """
            SELECT r.*, ARRAY(SELECT k FROM jsonb_each_text(r.vals) AS e(k, v) ORDER BY k) AS ks,
                   ARRAY(SELECT v FROM jsonb_each_text(r.vals) AS e(k, v) ORDER BY k) AS vs
            FROM reference_view r""";

    static final RowMapper<ReferenceView> ROW = (rs, n) -> {
        ReferenceKind kind = ReferenceKind.named(rs.getString("kind")).orElseThrow();
        Map<String, String> raw = new HashMap<>();
        Array keys = rs.getArray("ks");
        Array values = rs.getArray("vs");
        String[] ks = (String[]) keys.getArray();
        String[] vs = (String[]) values.getArray();
        for (int i = 0; i < ks.length; i++) {
            raw.put(ks[i], vs[i]);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (RuleOf rule : kind.rules()) {
            ordered.put(rule.field().name(), raw.get(rule.field().name()));
        }
        return new ReferenceView(rs.getLong("id"), kind, ordered, rs.getBoolean("deleted"), rs.getLong("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    };

    private final JdbcTemplate jdbc;

    public ReferenceQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The kind's live objects, in their order ({@code index}), then by title. */
    public List<ReferenceView> all(ReferenceKind kind) {
        return jdbc.query(SELECT + " WHERE r.kind = ? AND NOT r.deleted ORDER BY r.sort_index, lower(r.title), r.id", ROW,
                kind.kind().name());
    }

    /** The live object of the kind. */
    public Optional<ReferenceView> find(ReferenceKind kind, long id) {
        return find(id).filter(r -> r.kind() == kind && !r.deleted());
    }

    /** The object, live or deleted, of whatever reference kind. */
    public Optional<ReferenceView> find(long id) {
        return jdbc.query(SELECT + " WHERE r.id = ?", ROW, id).stream().findFirst();
    }

    /** Holds back another transaction that would seed the same kind at the same moment, until this one ends. */
    public void lock(ReferenceKind kind) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(1414, ?)", kind.ordinal());
    }

    /** Whether the kind has ever had an object (live or deleted): the first start's defaults are made only once. */
    public boolean everHad(ReferenceKind kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM crm_object WHERE kind = ?)", Boolean.class, kind.kind().name()));
    }

    /** The live object whose value of {@code field} is this one (a currency by its code), if any. */
    public Optional<ReferenceView> findBy(ReferenceKind kind, String field, String value) {
        return jdbc.query(SELECT + " WHERE r.kind = ? AND NOT r.deleted AND r.vals ->> ? = ?", ROW, kind.kind().name(),
                field, value).stream().findFirst();
    }
}
