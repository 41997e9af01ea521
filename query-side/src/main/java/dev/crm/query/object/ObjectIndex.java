package dev.crm.query.object;

import dev.crm.query.ReadModel;
import java.util.List;

import dev.crm.query.Sql;
import java.time.Instant;
import java.util.Optional;
import dev.crm.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The index of every object of every kind (ID → kind, title, owner, deleted). Each kind's projection
 * writes its objects here; writes are guarded by the object's version, so replaying an event twice
 * changes nothing.
 */
@Component
public class ObjectIndex implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }


    static final String TABLE = "crm_object";
    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "id",
            "id, kind, title, owner, deleted, version, created_at, updated_at, department");
    private static final String TOUCH = """
            UPDATE crm_object SET version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String TOUCH_TITLE = """
            UPDATE crm_object SET title = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String DELETE = """
            UPDATE crm_object SET deleted = TRUE, deleted_at = ?, deleted_by = ?, deleted_cascade = ?, deleted_with = ?,
                   version = ?, updated_at = ?
            WHERE id = ? AND version < ?""";
    private static final String RESTORE = """
            UPDATE crm_object SET deleted = FALSE, deleted_at = NULL, deleted_by = NULL, deleted_cascade = NULL,
                   deleted_with = NULL, version = ?, updated_at = ?
            WHERE id = ? AND version < ?""";
    private static final String FIND = "SELECT * FROM crm_object WHERE id = ?";

    static final RowMapper<ObjectSummary> ROW = (rs, n) -> new ObjectSummary(rs.getLong("id"), rs.getString("kind"),
            rs.getString("title"), rs.getString("owner"), rs.getBoolean("deleted"), rs.getLong("version"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"), Sql.instant(rs, "deleted_at"),
            rs.getString("deleted_by"));

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    public ObjectIndex(JdbcTemplate jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    public void created(long id, String kind, String title, String owner, Instant at) {
        created(id, kind, title, owner, at, null);
    }

    /** An object of a department (null: none). */
    public void created(long id, String kind, String title, String owner, Instant at, Long department) {
        writes.insertIfAbsent(INSERT, id, kind, title, owner, false, 1L, Sql.ts(at), Sql.ts(at), department);
    }

    public void changed(long id, long version, Instant at) {
        writes.update(row(id), TOUCH, version, Sql.ts(at), id, version);
    }

    public void retitled(long id, String title, long version, Instant at) {
        writes.update(row(id), TOUCH_TITLE, title, version, Sql.ts(at), id, version);
    }

    /**
     * The object was deleted; {@code cascade} and {@code deletedWith} come from the event's metadata
     * ({@code Deletion}) and are null for a delete of one object.
     */
    public void deleted(long id, String by, long version, Instant at, Object cascade, Object deletedWith) {
        writes.update(row(id), DELETE, Sql.ts(at), by, cascade == null ? null : cascade.toString(),
                deletedWith == null ? null : Long.valueOf(deletedWith.toString()), version, Sql.ts(at), id, version);
    }

    public void ownerChanged(long id, String owner, long version, Instant at) {
        writes.update(row(id), "UPDATE crm_object SET owner = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                owner, version, Sql.ts(at), id, version);
    }

    /** The object has another owner and department (a contact that moved to another company). */
    public void moved(long id, String owner, Long department, long version, Instant at) {
        writes.update(row(id), "UPDATE crm_object SET owner = ?, department = ?, version = ?, updated_at = ? WHERE id = ? "
                + "AND version < ?", owner, department, version, Sql.ts(at), id, version);
    }

    public void restored(long id, long version, Instant at) {
        writes.update(row(id), RESTORE, version, Sql.ts(at), id, version);
    }

    private static ProjectionWrites.Row row(long id) {
        return ProjectionWrites.row(TABLE, id);
    }

    /**
     * Locks the object's row until the transaction ends. Whatever changes an object (its projection
     * updates this row) and whatever depends on its state (adding a file to it) take this lock first, so
     * the check of the state and the change are never interleaved with a change of that state.
     */
    public void lock(long id) {
        jdbc.queryForList("SELECT id FROM crm_object WHERE id = ? FOR UPDATE", Long.class, id);
    }

    public Optional<ObjectSummary> find(long id) {
        return jdbc.query(FIND, ROW, id).stream().findFirst();
    }
}
