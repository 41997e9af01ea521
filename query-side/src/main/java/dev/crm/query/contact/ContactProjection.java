package dev.crm.query.contact;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.Sql;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Deletion;
import dev.crm.shared.FieldChange;
import dev.crm.shared.contact.ContactChanged;
import dev.crm.shared.contact.ContactCreated;
import dev.crm.shared.contact.ContactDeleted;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.contact.ContactOwnerChanged;
import dev.crm.shared.contact.ContactRestored;
import dev.crm.shared.kind.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Builds {@code contact_view} and the contacts' rows of the object index, and links each contact to its company as
 * a part ({@link Links#PART}), so that a contact cannot be restored before its company. Guarded by the event's
 * version as every projection.
 */
@Component
@ProcessingGroup(ContactProjection.GROUP)
public class ContactProjection implements ReadModel {

    public static final String GROUP = "contacts";
    static final String TABLE = "contact_view";

    private static final String COLUMNS = ContactKind.KIND.fields().stream().map(f -> Sql.column(f.name()))
            .collect(Collectors.joining(", "));
    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "id",
            "id, version, " + COLUMNS + ", owner, department, deleted, created_at, updated_at");
    private static final String OWNER = """
            UPDATE contact_view SET owner = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String DELETE = """
            UPDATE contact_view SET deleted = TRUE, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String RESTORE = """
            UPDATE contact_view SET deleted = FALSE, version = ?, updated_at = ? WHERE id = ? AND version < ?""";

    private final ProjectionWrites writes;
    private final ObjectIndex objects;
    private final Links links;

    public ContactProjection(ProjectionWrites writes, ObjectIndex objects, Links links) {
        this.writes = writes;
        this.objects = objects;
        this.links = links;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @EventHandler
    void on(ContactCreated e, @Timestamp Instant at) {
        List<Object> values = new ArrayList<>(List.of(e.contactId(), 1L));
        for (Field field : ContactKind.KIND.fields()) {
            values.add(ContactKind.COMPANY.equals(field) ? (Object) e.company() : e.fields().get(field.name()));
        }
        values.addAll(java.util.Arrays.asList(e.owner(), e.department(), false, Sql.ts(at), Sql.ts(at)));
        writes.insertKeepingIfAbsent(INSERT, ContactQueries.ROW, values.toArray());
        objects.created(e.contactId(), ContactKind.NAME, e.title(), e.owner(), at, e.department());
        links.link(e.company(), e.contactId(), Links.PART);
    }

    @EventHandler
    void on(ContactChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        StringBuilder sql = new StringBuilder("UPDATE contact_view SET ");
        List<Object> args = new ArrayList<>();
        boolean renamed = false;
        for (FieldChange change : e.changes()) {
            Field field = ContactKind.KIND.ownField(change.field()).filter(f -> !ContactKind.COMPANY.equals(f))
                    .orElseThrow(() -> new IllegalStateException("unknown contact field in a stored event: "
                            + change.field()));
            sql.append(Sql.column(field.name())).append(" = ?, ");
            args.add(change.to());
            renamed |= ContactKind.FIRST_NAME.equals(field) || ContactKind.LAST_NAME.equals(field);
        }
        sql.append("version = ?, updated_at = ? WHERE id = ? AND version < ?");
        args.addAll(List.of(version, Sql.ts(at), e.contactId(), version));
        writes.updateKeeping(sql.toString(), ContactQueries.ROW, TABLE, e.contactId(), args.toArray());
        if (renamed) {
            // the title from the row as this event left it (both names may not be in the event)
            objects.changed(e.contactId(), version, at);
            writes.update(List.of(ProjectionWrites.row("crm_object", e.contactId()), ProjectionWrites.row(TABLE,
                    e.contactId())), """
                    UPDATE crm_object SET title = (SELECT TRIM(COALESCE(first_name, '') || ' ' || COALESCE(last_name, ''))
                    FROM contact_view WHERE id = ?) WHERE id = ? AND version = ?""", e.contactId(), e.contactId(), version);
        } else {
            objects.changed(e.contactId(), version, at);
        }
    }

    @EventHandler
    void on(ContactOwnerChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(OWNER, ContactQueries.ROW, TABLE, e.contactId(), e.to(), sequence + 1, Sql.ts(at),
                e.contactId(), sequence + 1);
        objects.ownerChanged(e.contactId(), e.to(), sequence + 1, at);
    }

    @EventHandler
    void on(ContactDeleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        writes.updateKeeping(DELETE, ContactQueries.ROW, TABLE, e.contactId(), sequence + 1, Sql.ts(at), e.contactId(),
                sequence + 1);
        objects.deleted(e.contactId(), by, sequence + 1, at, cascade, deletedWith);
    }

    @EventHandler
    void on(ContactRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(RESTORE, ContactQueries.ROW, TABLE, e.contactId(), sequence + 1, Sql.ts(at), e.contactId(),
                sequence + 1);
        objects.restored(e.contactId(), sequence + 1, at);
    }
}
