package dev.crm.shared.department;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * The department's head changed ({@code to} null: none). As in the reference product, the head is the
 * default co-owner of the tasks and projects the department's members create.
 */
public record DepartmentHeadChanged(long departmentId, String from, String to) implements DepartmentEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(DepartmentKind.HEAD.change(from, to));
    }
}
