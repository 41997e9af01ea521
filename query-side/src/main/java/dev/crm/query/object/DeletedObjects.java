package dev.crm.query.object;

import dev.crm.query.link.Links;

import dev.crm.query.Page;
import dev.crm.query.Paging;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deleted objects for administrators: each delete's root (the object a delete was aimed at) with the
 * objects its cascade removed, and, for restore, the live-or-not state of the objects an object belongs to.
 */
@Component
public class DeletedObjects {

    /** A deleted object and which delete removed it ({@code deletedWith} is null for a root). */
    public record Deleted(ObjectSummary object, String cascade, Long deletedWith) {
    }

    /** A root with the objects removed together with it. */
    public record Root(Deleted root, List<ObjectSummary> parts) {
    }

    /** Relations whose target is deleted with its source (a task made from a memo is not). */
    static final String PART_RELATIONS = "('" + Links.FILE + "', '" + Links.SUBTASK + "', '" + Links.PROJECT_TASK + "', '"
            + Links.PART + "')";

    private final JdbcTemplate jdbc;
    private final Paging paging;

    @Autowired
    public DeletedObjects(JdbcTemplate jdbc, Paging paging) {
        this.jdbc = jdbc;
        this.paging = paging;
    }

    /** With the default bound of the lists' counts ({@link Paging#COUNT_LIMIT}). */
    public DeletedObjects(JdbcTemplate jdbc) {
        this(jdbc, new Paging(new NamedParameterJdbcTemplate(jdbc)));
    }

    private Deleted row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Deleted(ObjectIndex.ROW.mapRow(rs, 0), rs.getString("deleted_cascade"),
                rs.getObject("deleted_with", Long.class));
    }

    public Optional<Deleted> find(long id) {
        return jdbc.query("SELECT * FROM crm_object WHERE id = ? AND deleted = TRUE", (rs, n) -> row(rs), id).stream()
                .findFirst();
    }

    /** The deleted objects removed by the same delete as the root, apart from the root, in ID order. */
    public List<ObjectSummary> partsOf(String cascade, long root) {
        if (cascade == null) {
            return List.of();
        }
        return jdbc.query("SELECT * FROM crm_object WHERE deleted = TRUE AND deleted_cascade = ? AND id <> ? ORDER BY id",
                ObjectIndex.ROW, cascade, root);
    }

    /** The deleted objects this one is a part of (its memo, main task, project, …), which must come back first. */
    public List<ObjectSummary> deletedContainers(long id) {
        return jdbc.query("SELECT o.* FROM object_link l JOIN crm_object o ON o.id = l.from_id WHERE l.to_id = ?"
                + " AND l.relation IN " + PART_RELATIONS + " AND o.deleted = TRUE ORDER BY o.id", ObjectIndex.ROW, id);
    }

    /** A page of delete roots, the latest delete first, each with what was removed with it. */
    public Page<Root> roots(int page, int size) {
        return paging.page("*", "crm_object", " WHERE deleted = TRUE AND deleted_with IS NULL", new MapSqlParameterSource(),
                "deleted_at DESC, id DESC", (rs, n) -> row(rs), page, size)
                .map(r -> new Root(r, partsOf(r.cascade(), r.object().id())));
    }
}
