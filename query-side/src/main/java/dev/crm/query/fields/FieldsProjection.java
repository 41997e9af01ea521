package dev.crm.query.fields;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.Sql;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Deletion;
import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.kind.Lines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Builds the table of every kind of fields by name ({@link FieldsTables}: {@code company_view}, {@code contact_view},
 * …) and their rows of the object index, from the shapes of {@link FieldsEvents}; an object held by another
 * ({@link Field#holder()}) or a part of another ({@link Field#partOf()}) is linked to it as a part ({@link Links#PART}),
 * so that it goes with its delete and cannot be restored before it. Every update is guarded by the event's version, so a replay leaves the same rows.
 */
@Component
@ProcessingGroup(FieldsProjection.GROUP)
public class FieldsProjection implements ReadModel {

    public static final String GROUP = "fields";

    private static final Map<String, ProjectionWrites.Insert> INSERTS = new ConcurrentHashMap<>();

    private final ProjectionWrites writes;
    private final ObjectIndex objects;
    private final Links links;

    public FieldsProjection(ProjectionWrites writes, ObjectIndex objects, Links links) {
        this.writes = writes;
        this.objects = objects;
        this.links = links;
    }

    @Override
    public List<String> tables() {
        return Kinds.ALL.stream().filter(Kind::byName).flatMap(kind -> java.util.stream.Stream.concat(
                java.util.stream.Stream.of(FieldsTables.table(kind)),
                FieldsTables.listing(kind).stream().map(field -> FieldsTables.linesTable(kind, field)))).toList();
    }

    @EventHandler
    void on(FieldsEvents.Created e, @Timestamp Instant at) {
        Kind kind = e.kind();
        Map<String, String> values = e.values();
        List<Object> row = new ArrayList<>(List.of(e.objectId(), 1L));
        for (Field field : kind.fields()) {
            // a field with an initial value always has one: an object made before the field existed gets it
            row.add(FieldsTables.value(field, values.getOrDefault(field.name(), field.initial())));
        }
        row.addAll(Arrays.asList(e.owner(), e.department(), false, Sql.ts(at), Sql.ts(at)));
        ProjectionWrites.Insert insert = INSERTS.computeIfAbsent(kind.name(), n -> ProjectionWrites.insert(
                FieldsTables.table(kind), "id", "id, version, " + FieldsTables.columns(kind)
                        + ", owner, department, deleted, created_at, updated_at"));
        writes.insertKeepingIfAbsent(insert, FieldsTables.row(kind), row.toArray());
        objects.created(e.objectId(), kind.name(), e.title(), e.owner(), at, e.department());
        for (Field field : FieldsTables.listing(kind)) {
            insertLines(kind, field, e.objectId(), 1L, values.get(field.name()));
        }
        for (Field field : kind.fields()) {
            if (field.linksAPart() && values.get(field.name()) != null) {
                links.link(Long.parseLong(values.get(field.name())), e.objectId(), Links.PART);
            }
        }
    }

    @EventHandler
    void on(FieldsEvents.Changed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        Kind kind = e.kind();
        String table = FieldsTables.table(kind);
        long version = sequence + 1;
        StringBuilder sql = new StringBuilder("UPDATE " + table + " SET ");
        List<Object> args = new ArrayList<>();
        boolean retitled = false;
        for (FieldChange change : e.changes()) {
            Field field = kind.ownField(change.field()).filter(f -> f.trait() != Field.Trait.HOLDER).orElseThrow(
                    () -> new IllegalStateException("not a field of " + kind.name() + " in a stored event: "
                            + change.field()));
            sql.append(Sql.column(field.name())).append(" = ?, ");
            args.add(FieldsTables.value(field, change.to()));
            retitled |= kind.titledBy().contains(field);
            if (field.linksAPart()) {
                // a part of another object now (a deal moved to another contact)
                if (change.from() != null) {
                    links.unlink(Long.parseLong(change.from()), e.objectId(), Links.PART);
                }
                if (change.to() != null) {
                    links.link(Long.parseLong(change.to()), e.objectId(), Links.PART);
                }
            }
        }
        sql.append("version = ?, updated_at = ? WHERE id = ? AND version < ?");
        args.addAll(List.of(version, Sql.ts(at), e.objectId(), version));
        writes.updateKeeping(sql.toString(), FieldsTables.row(kind), table, e.objectId(), args.toArray());
        for (FieldChange change : e.changes()) {
            Field field = kind.ownField(change.field()).orElseThrow();
            if (field.type().listsObjects()) {
                // the whole list again, if this event is the row's last (a replay of an older one leaves it)
                String lines = FieldsTables.linesTable(kind, field);
                writes.update(List.of(ProjectionWrites.row(lines, e.objectId()), ProjectionWrites.row(table,
                                e.objectId())), "DELETE FROM " + lines + " WHERE " + kind.name() + "_id = ? AND EXISTS "
                                + "(SELECT 1 FROM " + table + " WHERE id = ? AND version = ?)", e.objectId(),
                        e.objectId(), version);
                insertLines(kind, field, e.objectId(), version, change.to());
            }
        }
        objects.changed(e.objectId(), version, at);
        if (retitled) {
            // the title from the row as this event left it (not every part of it may be in the event)
            writes.update(List.of(ProjectionWrites.row("crm_object", e.objectId()), ProjectionWrites.row(table,
                    e.objectId())), "UPDATE crm_object SET title = (SELECT " + titleSql(kind) + " FROM " + table
                    + " WHERE id = ?) WHERE id = ? AND version = ?", e.objectId(), e.objectId(), version);
        }
    }

    @EventHandler
    void on(FieldsEvents.Transferred e, @SequenceNumber long sequence, @Timestamp Instant at) {
        String table = FieldsTables.table(e.kind());
        writes.updateKeeping("UPDATE " + table + " SET owner = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                FieldsTables.row(e.kind()), table, e.objectId(), e.to(), sequence + 1, Sql.ts(at), e.objectId(),
                sequence + 1);
        objects.ownerChanged(e.objectId(), e.to(), sequence + 1, at);
    }

    /** A held object moved to another holder: its holder, owner and department, and which object it is a part of. */
    @EventHandler
    void on(FieldsEvents.Moved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        String table = FieldsTables.table(e.kind());
        writes.updateKeeping("UPDATE " + table + " SET " + Sql.column(e.kind().holder().orElseThrow().name())
                        + " = ?, owner = ?, department = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                FieldsTables.row(e.kind()), table, e.objectId(), e.to(), e.toOwner(), e.toDepartment(), sequence + 1,
                Sql.ts(at), e.objectId(), sequence + 1);
        objects.moved(e.objectId(), e.toOwner(), e.toDepartment(), sequence + 1, at);
        links.unlink(e.from(), e.objectId(), Links.PART);
        links.link(e.to(), e.objectId(), Links.PART);
    }

    @EventHandler
    void on(FieldsEvents.Deleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        setDeleted(e, true, sequence, at);
        objects.deleted(e.objectId(), by, sequence + 1, at, cascade, deletedWith);
    }

    @EventHandler
    void on(FieldsEvents.Restored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        setDeleted(e, false, sequence, at);
        objects.restored(e.objectId(), sequence + 1, at);
    }

    private void setDeleted(FieldsEvents.OfKind e, boolean deleted, long sequence, Instant at) {
        String table = FieldsTables.table(e.kind());
        writes.updateKeeping("UPDATE " + table + " SET deleted = " + (deleted ? "TRUE" : "FALSE")
                        + ", version = ?, updated_at = ? WHERE id = ? AND version < ?", FieldsTables.row(e.kind()), table,
                e.objectId(), sequence + 1, Sql.ts(at), e.objectId(), sequence + 1);
    }

    /**
     * The rows of a field of several objects ({@link FieldsTables#linesTable}) from its canonical text, written only
     * while the object's row has this version (the event that set them is its last); a row already there stays. The
     * rows of a deleted object stay, as its row does: queries over them join its row and leave deleted ones out.
     */
    private void insertLines(Kind kind, Field field, long id, long version, String text) {
        String lines = FieldsTables.linesTable(kind, field);
        String table = FieldsTables.table(kind);
        String key = field.refers().name() + "_id";
        boolean quantities = field.type() == dev.crm.shared.kind.FieldType.LINES;
        String sql = "INSERT INTO " + lines + " (" + FieldsTables.linesColumns(kind, field) + ") SELECT ?, ?"
                + (quantities ? ", ?" : "") + " FROM " + table + " WHERE id = ? AND version = ? AND NOT EXISTS "
                + "(SELECT 1 FROM " + lines + " WHERE " + kind.name() + "_id = ? AND " + key + " = ?)";
        for (Lines.Line line : Lines.decode(text)) {
            List<Object> args = new ArrayList<>(List.of(id, line.id()));
            if (quantities) {
                args.add(line.quantity());
            }
            args.addAll(List.of(id, version, id, line.id()));
            writes.update(List.of(ProjectionWrites.row(lines, id), ProjectionWrites.row(table, id)), sql,
                    args.toArray());
        }
    }

    /** The title in SQL: its fields' values joined by a space, those without a value left out. */
    private static String titleSql(Kind kind) {
        return "CONCAT_WS(' ', " + kind.titledBy().stream().map(f -> "NULLIF(" + FieldsTables.text(f) + ", '')")
                .collect(Collectors.joining(", ")) + ")";
    }
}
