package dev.crm.query.link;

import dev.crm.query.ReadModel;

import dev.crm.shared.task.TaskKind;

import dev.crm.shared.project.ProjectKind;

import dev.crm.shared.file.FileKind;

import java.util.List;
import dev.crm.query.ProjectionWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The link read model: which objects belong to which ({@code file}: an object's file object;
 * {@code subtask}: a main task's subtask; {@code task}: a task made from a memo). Projections record a
 * link when the part is created (idempotent); links stay when objects are deleted, as history does.
 */
@Component
public class Links implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of("object_link");
    }


    public static final String FILE = FileKind.NAME;
    public static final String SUBTASK = "subtask";
    /** A part that goes with the object it belongs to and cannot come back before it (a company's contact). */
    public static final String PART = "part";
    public static final String TASK = TaskKind.NAME;
    /** A project's task. */
    public static final String PROJECT_TASK = "project-task";
    /** The project made from a memo. */
    public static final String PROJECT = ProjectKind.NAME;

    /** Another object and how it is linked to the one asked about. */
    public record Link(long other, String relation) {
    }

    private final JdbcTemplate jdbc;
    private final ProjectionWrites writes;

    public Links(JdbcTemplate jdbc, ProjectionWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert("object_link", "from_id, to_id",
            "from_id, to_id, relation");

    /** Records that {@code to} belongs to {@code from}; nothing if they are linked already. */
    public void link(long from, long to, String relation) {
        writes.insertIfAbsent(INSERT, from, to, relation);
    }

    /** Records that {@code to} no longer belongs to {@code from} (a deal moved to another contact). */
    public void unlink(long from, long to, String relation) {
        // the row a link's insert names (its key), so that a rebuild's batch is not cut here
        writes.update(ProjectionWrites.row("object_link", java.util.List.of(from, to)),
                "DELETE FROM object_link WHERE from_id = ? AND to_id = ? AND relation = ?", from, to, relation);
    }

    /** The objects that belong to this one (deleted ones too), in ID order. */
    public List<Link> parts(long id) {
        return jdbc.query("SELECT to_id, relation FROM object_link WHERE from_id = ? ORDER BY to_id",
                (rs, n) -> new Link(rs.getLong(1), rs.getString(2)), id);
    }

    /** The objects this one belongs to (deleted ones too), in ID order. */
    public List<Link> partOf(long id) {
        return jdbc.query("SELECT from_id, relation FROM object_link WHERE to_id = ? ORDER BY from_id",
                (rs, n) -> new Link(rs.getLong(1), rs.getString(2)), id);
    }
}
