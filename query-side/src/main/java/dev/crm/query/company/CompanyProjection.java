package dev.crm.query.company;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import dev.crm.query.Sql;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Deletion;
import dev.crm.shared.FieldChange;
import dev.crm.shared.company.CompanyChanged;
import dev.crm.shared.company.CompanyCreated;
import dev.crm.shared.company.CompanyDeleted;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.company.CompanyOwnerChanged;
import dev.crm.shared.company.CompanyRestored;
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
 * Builds {@code company_view} and the companies' rows of the object index; a column per own field
 * ({@link Sql#column}). Every update is guarded by the event's version, so a replay leaves the same rows.
 */
@Component
@ProcessingGroup(CompanyProjection.GROUP)
public class CompanyProjection implements ReadModel {

    public static final String GROUP = "companies";
    static final String TABLE = "company_view";

    private static final String COLUMNS = CompanyKind.KIND.fields().stream().map(f -> Sql.column(f.name()))
            .collect(Collectors.joining(", "));
    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "id",
            "id, version, " + COLUMNS + ", owner, department, deleted, created_at, updated_at");
    private static final String OWNER = """
            UPDATE company_view SET owner = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String DELETE = """
            UPDATE company_view SET deleted = TRUE, version = ?, updated_at = ? WHERE id = ? AND version < ?""";
    private static final String RESTORE = """
            UPDATE company_view SET deleted = FALSE, version = ?, updated_at = ? WHERE id = ? AND version < ?""";

    private final ProjectionWrites writes;
    private final ObjectIndex objects;

    public CompanyProjection(ProjectionWrites writes, ObjectIndex objects) {
        this.writes = writes;
        this.objects = objects;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    @EventHandler
    void on(CompanyCreated e, @Timestamp Instant at) {
        List<Object> values = new ArrayList<>(List.of(e.companyId(), 1L));
        for (Field field : CompanyKind.KIND.fields()) {
            values.add(e.fields().get(field.name()));
        }
        values.addAll(java.util.Arrays.asList(e.owner(), e.department(), false, Sql.ts(at), Sql.ts(at)));
        writes.insertKeepingIfAbsent(INSERT, CompanyQueries.ROW, values.toArray());
        objects.created(e.companyId(), CompanyKind.NAME, e.name(), e.owner(), at, e.department());
    }

    @EventHandler
    void on(CompanyChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        StringBuilder sql = new StringBuilder("UPDATE company_view SET ");
        List<Object> args = new ArrayList<>();
        String newName = null;
        for (FieldChange change : e.changes()) {
            Field field = CompanyKind.KIND.ownField(change.field()).orElseThrow(
                    () -> new IllegalStateException("unknown company field in a stored event: " + change.field()));
            sql.append(Sql.column(field.name())).append(" = ?, ");
            args.add(change.to());
            if (CompanyKind.COMPANY_NAME.is(change.field())) {
                newName = change.to();
            }
        }
        sql.append("version = ?, updated_at = ? WHERE id = ? AND version < ?");
        args.addAll(List.of(version, Sql.ts(at), e.companyId(), version));
        writes.updateKeeping(sql.toString(), CompanyQueries.ROW, TABLE, e.companyId(), args.toArray());
        if (newName != null) {
            objects.retitled(e.companyId(), newName, version, at);
        } else {
            objects.changed(e.companyId(), version, at);
        }
    }

    @EventHandler
    void on(CompanyOwnerChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(OWNER, CompanyQueries.ROW, TABLE, e.companyId(), e.to(), sequence + 1, Sql.ts(at),
                e.companyId(), sequence + 1);
        objects.ownerChanged(e.companyId(), e.to(), sequence + 1, at);
    }

    @EventHandler
    void on(CompanyDeleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        writes.updateKeeping(DELETE, CompanyQueries.ROW, TABLE, e.companyId(), sequence + 1, Sql.ts(at), e.companyId(),
                sequence + 1);
        objects.deleted(e.companyId(), by, sequence + 1, at, cascade, deletedWith);
    }

    @EventHandler
    void on(CompanyRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.updateKeeping(RESTORE, CompanyQueries.ROW, TABLE, e.companyId(), sequence + 1, Sql.ts(at), e.companyId(),
                sequence + 1);
        objects.restored(e.companyId(), sequence + 1, at);
    }
}
