package dev.crm.query.file;

import dev.crm.query.ReadModel;
import java.util.List;

import dev.crm.shared.file.FileKind;

import dev.crm.query.Sql;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.Deletion;
import dev.crm.shared.file.FileDetached;
import dev.crm.shared.file.FileRestored;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import dev.crm.query.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * File objects ({@code file_view}) and the reference count of each stored content ({@code file_content}),
 * in the command's transaction. A count moves only when a file object's row changes state (inserted, or
 * marked deleted), so an event applied twice, or a replay, counts once. The row update also takes the
 * content row's lock, which is what makes purging safe (see {@code ContentPurger} in the web module).
 */
@Component
@ProcessingGroup(FileProjection.GROUP)
public class FileProjection implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of(FILES, CONTENTS);
    }


    public static final String GROUP = "files";

    private static final String FILES = "file_view";
    private static final String CONTENTS = "file_content";
    private static final ProjectionWrites.Insert INSERT_FILE = ProjectionWrites.insert(FILES, "id",
            "id, attached_to, sha256, name, size, media_type, owner, deleted, version, created_at, updated_at");
    private static final String DETACH_FILE = """
            UPDATE file_view SET deleted = TRUE, version = ?, updated_at = ? WHERE id = ? AND deleted = FALSE AND version < ?""";
    private static final String RESTORE_FILE = """
            UPDATE file_view SET deleted = FALSE, version = ?, updated_at = ? WHERE id = ? AND deleted = TRUE AND version < ?""";
    // The counts move only with a file row's change of state, so each statement on file_content carries the
    // condition of that change (the file row as it is before the change) and runs before it: no statement needs
    // another's count, and an event's statements go out together, in a replay as part of a batch.
    /** Attached: one more reference, if the file row is not there yet. */
    private static final String ATTACH_COUNT_UP = """
            UPDATE file_content SET ref_count = ref_count + 1, zero_since = NULL
            WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM file_view WHERE id = ?)""";
    /** Attached: the content's first reference, if the file row is not there yet and the content has no row. */
    private static final String ATTACH_FIRST_REFERENCE = """
            INSERT INTO file_content (sha256, size, ref_count, zero_since) SELECT ?, ?, 1, NULL
            WHERE NOT EXISTS (SELECT 1 FROM file_view WHERE id = ?)
              AND NOT EXISTS (SELECT 1 FROM file_content WHERE sha256 = ?)""";
    /** Detached: one reference less, if the file row is live and older than the event. */
    private static final String DETACH_COUNT_DOWN = """
            UPDATE file_content SET ref_count = ref_count - 1,
                   zero_since = CASE WHEN ref_count = 1 THEN ? ELSE zero_since END
            WHERE sha256 = ? AND EXISTS (SELECT 1 FROM file_view WHERE id = ? AND deleted = FALSE AND version < ?)""";
    /** Restored: one more reference, if the file row is deleted and older than the event. */
    private static final String RESTORE_COUNT_UP = """
            UPDATE file_content SET ref_count = ref_count + 1, zero_since = NULL
            WHERE sha256 = ? AND EXISTS (SELECT 1 FROM file_view WHERE id = ? AND deleted = TRUE AND version < ?)""";
    /** Restored: the content's first reference again (its row was purged), with the size the file row keeps. */
    private static final String RESTORE_FIRST_REFERENCE = """
            INSERT INTO file_content (sha256, size, ref_count, zero_since) SELECT f.sha256, f.size, 1, NULL
            FROM file_view f WHERE f.id = ? AND f.deleted = TRUE AND f.version < ?
              AND NOT EXISTS (SELECT 1 FROM file_content c WHERE c.sha256 = ?)""";

    private final ProjectionWrites writes;
    private final ObjectIndex objects;
    private final Links links;

    public FileProjection(ProjectionWrites writes, ObjectIndex objects, Links links) {
        this.writes = writes;
        this.objects = objects;
        this.links = links;
    }

    /** A statement on the file's row that also reads or writes its content's count. */
    private static List<ProjectionWrites.Row> fileAndContent(long file, String sha256) {
        return List.of(ProjectionWrites.row(FILES, file), ProjectionWrites.row(CONTENTS, sha256));
    }

    @EventHandler
    void on(FileAttached e, @Timestamp Instant at, @MetaDataValue(Actor.USERNAME) String by) {
        List<ProjectionWrites.Row> rows = fileAndContent(e.fileId(), e.sha256());
        writes.update(rows, ATTACH_COUNT_UP, e.sha256(), e.fileId());
        writes.update(rows, ATTACH_FIRST_REFERENCE, e.sha256(), e.size(), e.fileId(), e.sha256());
        writes.insertIfAbsent(INSERT_FILE, e.fileId(), e.attachedTo(), e.sha256(), e.name(), e.size(), e.mediaType(),
                by, false, 1L, Sql.ts(at), Sql.ts(at));
        objects.created(e.fileId(), FileKind.NAME, e.name(), by, at);
        links.link(e.attachedTo(), e.fileId(), Links.FILE);
    }

    @EventHandler
    void on(FileDetached e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        long version = sequence + 1;
        writes.update(fileAndContent(e.fileId(), e.sha256()), DETACH_COUNT_DOWN, Sql.ts(at), e.sha256(), e.fileId(),
                version);
        writes.update(ProjectionWrites.row(FILES, e.fileId()), DETACH_FILE, version, Sql.ts(at), e.fileId(), version);
        objects.deleted(e.fileId(), by, version, at, cascade, deletedWith);
    }

    @EventHandler
    void on(FileRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        List<ProjectionWrites.Row> rows = fileAndContent(e.fileId(), e.sha256());
        writes.update(rows, RESTORE_COUNT_UP, e.sha256(), e.fileId(), version);
        writes.update(rows, RESTORE_FIRST_REFERENCE, e.fileId(), version, e.sha256());
        writes.update(ProjectionWrites.row(FILES, e.fileId()), RESTORE_FILE, version, Sql.ts(at), e.fileId(), version);
        objects.restored(e.fileId(), version, at);
    }
}
