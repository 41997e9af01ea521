package dev.crm.query.link;

import dev.crm.query.object.ObjectAccess;
import dev.crm.shared.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The link read model: which objects belong to which ({@code file}: an object's file object;
 * {@code subtask}: a main task's subtask; {@code task}: a task made from a memo). Projections record a
 * link when the part is created (idempotent); links stay when objects are deleted, as history does.
 */
@Component
public class Links {

    public static final String FILE = "file";
    public static final String SUBTASK = "subtask";
    public static final String TASK = "task";
    /** A project's task. */
    public static final String PROJECT_TASK = "project-task";
    /** The project made from a memo. */
    public static final String PROJECT = "project";

    public record Linked(long id, String kind, String title, String relation) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectAccess access;

    public Links(JdbcTemplate jdbc, ObjectAccess access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public void link(long from, long to, String relation) {
        jdbc.update("INSERT INTO object_link (from_id, to_id, relation) SELECT ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM object_link WHERE from_id = ? AND to_id = ?)", from, to, relation,
                from, to);
    }

    /** The live objects that belong to this one, which the actor may see. */
    public List<Linked> parts(long id, Actor actor) {
        return visible(jdbc.queryForList("SELECT to_id FROM object_link WHERE from_id = ? ORDER BY to_id", Long.class, id),
                id, actor, true);
    }

    /** The live objects this one belongs to, which the actor may see. */
    public List<Linked> partOf(long id, Actor actor) {
        return visible(jdbc.queryForList("SELECT from_id FROM object_link WHERE to_id = ? ORDER BY from_id", Long.class, id),
                id, actor, false);
    }

    private List<Linked> visible(List<Long> ids, long self, Actor actor, boolean parts) {
        return ids.stream().map(other -> access.findVisible(other, actor).filter(o -> !o.deleted())
                        .map(o -> new Linked(o.id(), o.kind(), o.title(), relation(parts ? self : other, parts ? other : self))))
                .flatMap(Optional::stream).toList();
    }

    private String relation(long from, long to) {
        return jdbc.queryForObject("SELECT relation FROM object_link WHERE from_id = ? AND to_id = ?", String.class,
                from, to);
    }
}
