package dev.crm.query.reference;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.Sql;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Deletion;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.reference.MailAccountResumed;
import dev.crm.shared.reference.MailAccountStopped;
import dev.crm.shared.reference.ReferenceEvent;
import dev.crm.shared.reference.ReferenceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Builds {@code reference_view} and the object index's rows for the four kinds of reference data, from their
 * events' shared shapes ({@link ReferenceEvent}); every write guarded by the event's version. A mail account's stop is
 * a value of its own ({@link MailAccountStopped#FIELD}: the reason) while it lasts.
 */
@Component
@ProcessingGroup("reference")
public class ReferenceProjection implements ReadModel {

    static final String TABLE = "reference_view";
    static final String VALUES = "reference_value";
    private static final String INSERT = """
            INSERT INTO reference_view (id, kind, title, sort_index, version, created_at, updated_at)
            SELECT ?, ?, ?, ?, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM reference_view WHERE id = ?)""";
    private static final String INSERT_VALUE = """
            INSERT INTO reference_value (id, field, val)
            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM reference_value WHERE id = ? AND field = ?)""";
    /** A value, unless the object is already past this version (an event applied again). */
    private static final String CHANGE_VALUE = """
            UPDATE reference_value SET val = ? WHERE id = ? AND field = ?
            AND EXISTS (SELECT 1 FROM reference_view WHERE id = ? AND version < ?)""";
    private static final String DELETED = """
            UPDATE reference_view SET deleted = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";

    private final ProjectionWrites writes;
    private final ObjectIndex objects;

    public ReferenceProjection(ProjectionWrites writes, ObjectIndex objects) {
        this.writes = writes;
        this.objects = objects;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE, VALUES);
    }

    @EventHandler
    void on(ReferenceEvent.Created e, @Timestamp Instant at) {
        ReferenceKind kind = ReferenceKind.of(e);
        long id = e.objectId();
        String title = e.values().get(kind.titleField().name());
        Integer index = index(e.values());
        writes.update(row(id), INSERT, id, kind.kind().name(), title, index == null ? 0 : index, Sql.ts(at), Sql.ts(at), id);
        e.values().forEach((field, value) ->
                writes.update(values(id), INSERT_VALUE, id, field, value, id, field));
        String department = e.values().get(ObjectFields.DEPARTMENT.name());
        objects.created(id, kind.kind().name(), title, null, at, department == null ? null : Long.valueOf(department));
    }

    @EventHandler
    void on(ReferenceEvent.Changed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        ReferenceKind kind = ReferenceKind.of(e);
        long id = e.objectId();
        long version = sequence + 1;
        e.to().forEach((field, value) ->
                writes.update(List.of(values(id), row(id)), CHANGE_VALUE, value, id, field, id, version));
        String title = e.to().get(kind.titleField().name());
        Integer index = index(e.to());
        StringBuilder sql = new StringBuilder("UPDATE reference_view SET ");
        List<Object> args = new ArrayList<>();
        if (title != null) {
            sql.append("title = ?, ");
            args.add(title);
        }
        if (index != null) {
            sql.append("sort_index = ?, ");
            args.add(index);
        }
        sql.append("version = ?, updated_at = ? WHERE id = ? AND version < ?");
        args.addAll(List.of(version, Sql.ts(at), id, version));
        writes.update(row(id), sql.toString(), args.toArray());
        if (title != null) {
            objects.retitled(id, title, version, at);
        } else {
            objects.changed(id, version, at);
        }
    }

    @EventHandler
    void on(ReferenceEvent.Deleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        writes.update(row(e.objectId()), DELETED, true, sequence + 1, Sql.ts(at), e.objectId(), sequence + 1);
        objects.deleted(e.objectId(), by, sequence + 1, at, cascade, deletedWith);
    }

    @EventHandler
    void on(ReferenceEvent.Restored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(row(e.objectId()), DELETED, false, sequence + 1, Sql.ts(at), e.objectId(), sequence + 1);
        objects.restored(e.objectId(), sequence + 1, at);
    }

    /** A mail account's stop: its reason as the value {@link MailAccountStopped#FIELD} (gone once it is resumed). */
    @EventHandler
    void on(MailAccountStopped e, @SequenceNumber long sequence, @Timestamp Instant at) {
        stop(e.objectId(), e.reason(), sequence + 1, at);
    }

    @EventHandler
    void on(MailAccountResumed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        stop(e.objectId(), null, sequence + 1, at);
    }

    private void stop(long id, String reason, long version, Instant at) {
        writes.update(List.of(values(id), row(id)), """
                DELETE FROM reference_value WHERE id = ? AND field = ?
                AND EXISTS (SELECT 1 FROM reference_view WHERE id = ? AND version < ?)""",
                id, MailAccountStopped.FIELD, id, version);
        if (reason != null) {
            writes.update(List.of(values(id), row(id)), """
                    INSERT INTO reference_value (id, field, val)
                    SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM reference_view WHERE id = ? AND version < ?)""",
                    id, MailAccountStopped.FIELD, reason, id, version);
        }
        writes.update(row(id), "UPDATE reference_view SET version = ?, updated_at = ? WHERE id = ? AND version < ?",
                version, Sql.ts(at), id, version);
        objects.changed(id, version, at);
    }

    private static ProjectionWrites.Row row(long id) {
        return ProjectionWrites.row(TABLE, id);
    }

    private static ProjectionWrites.Row values(long id) {
        return ProjectionWrites.row(VALUES, id);
    }

    private static Integer index(Map<String, String> values) {
        String index = values.get(ReferenceKind.Fields.INDEX.name());
        return index == null ? null : Integer.valueOf(index);
    }
}
