package dev.crm.query.reference;

import dev.crm.query.Sql;
import dev.crm.shared.reference.MailAccountStopped;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.RuleOf;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading reference data: a kind's live objects in their order, one object, one by a field's value. */
@Component
public class ReferenceQueries {

    private record Row(long id, ReferenceKind kind, boolean deleted, long version, java.time.Instant createdAt,
                       java.time.Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;
    /** A savepoint inside the caller's transaction, for the claim's insert (below). */
    private final TransactionTemplate savepoint;

    public ReferenceQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The kind's live objects, in their order ({@code index}), then by title. */
    public List<ReferenceView> all(ReferenceKind kind) {
        List<Row> rows = rows("WHERE kind = ? AND deleted = FALSE ORDER BY sort_index, LOWER(title), id", kind.kind().name());
        Map<Long, Map<String, String>> values = new HashMap<>();
        jdbc.query("""
                SELECT v.id, v.field, v.val FROM reference_value v JOIN reference_view r ON r.id = v.id
                WHERE r.kind = ? AND r.deleted = FALSE""", rs -> {
            values.computeIfAbsent(rs.getLong("id"), id -> new HashMap<>()).put(rs.getString("field"), rs.getString("val"));
        }, kind.kind().name());
        return rows.stream().map(r -> view(r, values.getOrDefault(r.id(), Map.of()))).toList();
    }

    /** The live object of the kind. */
    public Optional<ReferenceView> find(ReferenceKind kind, long id) {
        return find(id).filter(r -> r.kind() == kind && !r.deleted());
    }

    /** Whether a live object of the kind has this ID (one round trip: for a command's check of a reference). */
    public boolean exists(ReferenceKind kind, long id) {
        return !jdbc.queryForList("SELECT id FROM reference_view WHERE id = ? AND kind = ? AND deleted = FALSE",
                Long.class, id, kind.kind().name()).isEmpty();
    }

    /** The object, live or deleted, of whatever reference kind. */
    public Optional<ReferenceView> find(long id) {
        return rows("WHERE id = ?", id).stream().findFirst().map(r -> {
            Map<String, String> values = new HashMap<>();
            jdbc.query("SELECT field, val FROM reference_value WHERE id = ?",
                    rs -> {
                        values.put(rs.getString("field"), rs.getString("val"));
                    }, id);
            return view(r, values);
        });
    }

    /** The live object whose value of {@code field} is this one (a currency by its code), if any. */
    public Optional<ReferenceView> findBy(ReferenceKind kind, String field, String value) {
        return jdbc.queryForList("""
                        SELECT r.id FROM reference_view r JOIN reference_value v ON v.id = r.id
                        WHERE r.kind = ? AND r.deleted = FALSE AND v.field = ? AND v.val = ?""", Long.class,
                kind.kind().name(), field, value).stream().findFirst().flatMap(this::find);
    }

    /** Whether a live object of the kind has this value of {@code field} (a currency this code), in one query. */
    public boolean has(ReferenceKind kind, String field, String value) {
        return !jdbc.queryForList("""
                        SELECT r.id FROM reference_view r JOIN reference_value v ON v.id = r.id
                        WHERE r.kind = ? AND r.deleted = FALSE AND v.field = ? AND v.val = ? FETCH FIRST 1 ROWS ONLY""",
                Long.class, kind.kind().name(), field, value).isEmpty();
    }

    /** Whether the kind has ever had an object (live or deleted). */
    public boolean everHad(ReferenceKind kind) {
        return !jdbc.queryForList("SELECT id FROM crm_object WHERE kind = ? FETCH FIRST 1 ROWS ONLY", Long.class,
                kind.kind().name()).isEmpty();
    }

    /**
     * Claims the first start's defaults of the kind for this transaction: false when they were made before (or are
     * being made by another instance, which holds the claim until it commits). Two instances starting on an empty
     * store at once: the second's insert waits for the first's commit and then fails on the key; that failure is
     * rolled back to a savepoint, so the caller's transaction (which claims the other kinds next) goes on.
     */
    public boolean claimDefaults(ReferenceKind kind) {
        try {
            return Boolean.TRUE.equals(savepoint.execute(status -> jdbc.update(
                    "INSERT INTO reference_seeded (kind) SELECT ? WHERE NOT EXISTS "
                            + "(SELECT 1 FROM reference_seeded WHERE kind = ?)", kind.kind().name(),
                    kind.kind().name()) == 1));
        } catch (DataIntegrityViolationException e) {
            return false;
        }
    }

    private List<Row> rows(String where, Object... args) {
        return jdbc.query("SELECT id, kind, deleted, version, created_at, updated_at FROM reference_view " + where,
                (rs, n) -> new Row(rs.getLong("id"), ReferenceKind.named(rs.getString("kind")).orElseThrow(),
                        rs.getBoolean("deleted"), rs.getLong("version"), Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "updated_at")), args);
    }

    private static ReferenceView view(Row row, Map<String, String> raw) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (RuleOf rule : row.kind().rules()) {
            ordered.put(rule.field().name(), raw.get(rule.field().name()));
        }
        if (raw.get(MailAccountStopped.FIELD) != null) {
            ordered.put(MailAccountStopped.FIELD, raw.get(MailAccountStopped.FIELD)); // a mail account's stop
        }
        return new ReferenceView(row.id(), row.kind(), ordered, row.deleted(), row.version(), row.createdAt(),
                row.updatedAt());
    }
}
