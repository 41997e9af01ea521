package dev.crm.query.department;

import dev.crm.query.ReadModel;
import java.util.List;

import dev.crm.shared.department.DepartmentKind;

import dev.crm.query.Sql;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.department.DepartmentCreated;
import dev.crm.shared.department.DepartmentHeadChanged;
import dev.crm.shared.department.DepartmentRenamed;
import dev.crm.shared.department.DepartmentTimeZoneChanged;
import java.time.Instant;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import dev.crm.query.ProjectionWrites;
import org.springframework.stereotype.Component;

/** Builds {@code department_view} and the departments' rows of the object index; guarded by version. */
@Component
@ProcessingGroup(DepartmentProjection.GROUP)
public class DepartmentProjection implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of("department_view");
    }


    public static final String GROUP = "departments";
    public static final String KIND = DepartmentKind.NAME;

    private static final String INSERT = """
            INSERT INTO department_view (id, name, name_key, version, created_at, updated_at)
            SELECT ?, ?, ?, 1, ?, ? WHERE NOT EXISTS (SELECT 1 FROM department_view WHERE id = ?)""";
    private static final String RENAME = """
            UPDATE department_view SET name = ?, name_key = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?""";

    /**
     * What each statement touches in a replay: every department, because names are unique across them
     * ({@code department_view_name_key}), so a rename and another department's creation must keep their order.
     */
    private static final ProjectionWrites.Row ALL = ProjectionWrites.row("department_view", "*");

    private final ProjectionWrites writes;
    private final ObjectIndex objects;

    public DepartmentProjection(ProjectionWrites writes, ObjectIndex objects) {
        this.writes = writes;
        this.objects = objects;
    }

    @EventHandler
    void on(DepartmentCreated e, @Timestamp Instant at) {
        writes.update(ALL, INSERT, e.departmentId(), e.name(), key(e.name()), Sql.ts(at), Sql.ts(at), e.departmentId());
        objects.created(e.departmentId(), KIND, e.name(), null, at);
    }

    @EventHandler
    void on(DepartmentHeadChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(ALL, "UPDATE department_view SET head = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                e.to(), sequence + 1, Sql.ts(at), e.departmentId(), sequence + 1);
        objects.changed(e.departmentId(), sequence + 1, at);
    }

    @EventHandler
    void on(DepartmentRenamed e, @SequenceNumber long sequence, @Timestamp Instant at) {
        long version = sequence + 1;
        writes.update(ALL, RENAME, e.to(), key(e.to()), version, Sql.ts(at), e.departmentId(), version);
        objects.retitled(e.departmentId(), e.to(), version, at);
    }

    @EventHandler
    void on(DepartmentTimeZoneChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update(ALL, "UPDATE department_view SET time_zone = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?",
                e.to(), sequence + 1, Sql.ts(at), e.departmentId(), sequence + 1);
        objects.changed(e.departmentId(), sequence + 1, at);
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
