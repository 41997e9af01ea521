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
        return List.of("file_view", "file_content");
    }


    public static final String GROUP = "files";

    private static final String INSERT_FILE = """
            INSERT INTO file_view (id, attached_to, sha256, name, size, media_type, owner, deleted, version,
                                   created_at, updated_at)
            SELECT ?, ?, ?, ?, ?, ?, ?, FALSE, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM file_view WHERE id = ?)""";
    private static final String DETACH_FILE = """
            UPDATE file_view SET deleted = TRUE, version = ?, updated_at = ? WHERE id = ? AND deleted = FALSE AND version < ?""";
    private static final String RESTORE_FILE = """
            UPDATE file_view SET deleted = FALSE, version = ?, updated_at = ? WHERE id = ? AND deleted = TRUE AND version < ?""";
    private static final String COUNT_UP = """
            UPDATE file_content SET ref_count = ref_count + 1, zero_since = NULL WHERE sha256 = ?""";
    private static final String FIRST_REFERENCE = """
            INSERT INTO file_content (sha256, size, ref_count, zero_since) VALUES (?, ?, 1, NULL)""";
    private static final String COUNT_DOWN = """
            UPDATE file_content SET ref_count = ref_count - 1,
                   zero_since = CASE WHEN ref_count = 1 THEN ? ELSE zero_since END
            WHERE sha256 = ?""";

    private final ProjectionWrites writes;
    private final ObjectIndex objects;
    private final Links links;

    public FileProjection(ProjectionWrites writes, ObjectIndex objects, Links links) {
        this.writes = writes;
        this.objects = objects;
        this.links = links;
    }

    @EventHandler
    void on(FileAttached e, @Timestamp Instant at, @MetaDataValue(Actor.USERNAME) String by) {
        int inserted = writes.updateCounted(INSERT_FILE, e.fileId(), e.attachedTo(), e.sha256(), e.name(), e.size(),
                e.mediaType(), by, Sql.ts(at), Sql.ts(at), e.fileId());
        if (inserted == 1 && writes.updateCounted(COUNT_UP, e.sha256()) == 0) {
            writes.update(FIRST_REFERENCE, e.sha256(), e.size());
        }
        objects.created(e.fileId(), FileKind.NAME, e.name(), by, at);
        links.link(e.attachedTo(), e.fileId(), Links.FILE);
    }

    @EventHandler
    void on(FileDetached e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        if (writes.updateCounted(DETACH_FILE, sequence + 1, Sql.ts(at), e.fileId(), sequence + 1) == 1) {
            writes.update(COUNT_DOWN, Sql.ts(at), e.sha256());
        }
        objects.deleted(e.fileId(), by, sequence + 1, at, cascade, deletedWith);
    }

    @EventHandler
    void on(FileRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (writes.updateCounted(RESTORE_FILE, sequence + 1, Sql.ts(at), e.fileId(), sequence + 1) == 1
                && writes.updateCounted(COUNT_UP, e.sha256()) == 0) {
            Long size = writes.jdbc().queryForObject("SELECT size FROM file_view WHERE id = ?", Long.class, e.fileId());
            writes.update(FIRST_REFERENCE, e.sha256(), size);
        }
        objects.restored(e.fileId(), sequence + 1, at);
    }
}
