package dev.crm.shared.department;

import dev.crm.shared.FieldChange;
import java.util.List;

/** An administrator created a department; names are unique, whatever their case. */
public record DepartmentCreated(long departmentId, String name) implements DepartmentEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(DepartmentKind.DEPARTMENT_NAME.set(name));
    }
}
