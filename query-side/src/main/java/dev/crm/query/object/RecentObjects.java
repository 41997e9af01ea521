package dev.crm.query.object;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The objects each user opened most recently (their show pages, which a change also ends on): user activity, not a
 * read model, so no rebuild replays or empties it ({@code recent_object}). An open is one statement (the seen time of
 * a row the user has), or an insert and a prune to the last {@link #KEPT} for an object new to their list.
 */
@Component
public class RecentObjects {

    /** How many objects a user's list keeps. */
    public static final int KEPT = 50;

    private static final String TOUCH = "UPDATE recent_object SET seen_at = ? WHERE username = ? AND object_id = ?";
    private static final String INSERT = "INSERT INTO recent_object (username, object_id, seen_at) VALUES (?, ?, ?)";
    private static final String PRUNE = """
            DELETE FROM recent_object WHERE username = ? AND seen_at < (SELECT r.seen_at FROM recent_object r
              WHERE r.username = ? ORDER BY r.seen_at DESC OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY)""";
    private static final String RECENT = """
            SELECT o.* FROM recent_object r JOIN crm_object o ON o.id = r.object_id
            WHERE r.username = ? AND o.deleted = FALSE
            ORDER BY r.seen_at DESC, r.object_id DESC FETCH FIRST ? ROWS ONLY""";

    private final JdbcTemplate jdbc;

    public RecentObjects(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user opened the object at that time. */
    public void opened(String username, long objectId, Instant at) {
        Timestamp seen = Timestamp.from(at);
        if (jdbc.update(TOUCH, seen, username, objectId) > 0) {
            return;
        }
        try {
            jdbc.update(INSERT, username, objectId, seen);
        } catch (DuplicateKeyException openedAtOnce) {
            // the same user opened it twice at once: the other open recorded it
            return;
        }
        jdbc.update(PRUNE, username, username, KEPT - 1);
    }

    /**
     * The live objects the user opened most recently, newest first, at most {@code limit}: whether the user may still
     * see each is the caller's to check ({@code ObjectAccess}).
     */
    public List<ObjectSummary> recent(String username, int limit) {
        return jdbc.query(RECENT, ObjectIndex.ROW, username, limit);
    }
}
