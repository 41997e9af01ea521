package dev.crm.query.reference;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.Sql;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Deletion;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.reference.ReferenceEvent;
import dev.crm.shared.reference.ReferenceKind;
import java.time.Instant;
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
 * events' shared shapes ({@link ReferenceEvent}); every write guarded by the event's version.
 */
@Component
@ProcessingGroup("reference")
public class ReferenceProjection implements ReadModel {

    static final String TABLE = "reference_view";
    private static final String INSERT = """
            INSERT INTO reference_view (id, kind, vals, title, sort_index, version, created_at, updated_at)
            SELECT ?, ?, ?::jsonb, ?, ?, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM reference_view WHERE id = ?)""";
    private static final String CHANGE = """
            UPDATE reference_view SET vals = vals || ?::jsonb, title = COALESCE(?, title), sort_index = COALESCE(?, sort_index),
                   version = ?, updated_at = ?
            WHERE id = ? AND version < ?""";
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
        return List.of(TABLE);
    }

    @EventHandler
    void on(ReferenceEvent.Created e, @Timestamp Instant at) {
        ReferenceKind kind = ReferenceKind.of(e);
        String title = e.values().get(kind.titleField().name());
        writes.update(row(e.objectId()), INSERT, e.objectId(), kind.kind().name(), json(e.values()), title,
                index(e.values()) == null ? 0 : index(e.values()), Sql.ts(at), Sql.ts(at), e.objectId());
        String department = e.values().get(ObjectFields.DEPARTMENT.name());
        objects.created(e.objectId(), kind.kind().name(), title, null, at,
                department == null ? null : Long.valueOf(department));
    }

    @EventHandler
    void on(ReferenceEvent.Changed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        ReferenceKind kind = ReferenceKind.of(e);
        long version = sequence + 1;
        String title = e.to().get(kind.titleField().name());
        writes.update(row(e.objectId()), CHANGE, json(e.to()), title, index(e.to()), version, Sql.ts(at), e.objectId(),
                version);
        if (title != null) {
            objects.retitled(e.objectId(), title, version, at);
        } else {
            objects.changed(e.objectId(), version, at);
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

    private static ProjectionWrites.Row row(long id) {
        return ProjectionWrites.row(TABLE, id);
    }

    private static Integer index(Map<String, String> values) {
        String index = values.get(ReferenceKind.Fields.INDEX.name());
        return index == null ? null : Integer.valueOf(index);
    }

    /** The values as a JSON object of strings (and nulls). */
    static String json(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, key);
            out.append(':');
            if (value == null) {
                out.append("null");
            } else {
                quote(out, value);
            }
        });
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
