package dev.crm.shared.department;

import dev.crm.shared.FieldChange;
import java.util.List;

public record DepartmentRenamed(long departmentId, String from, String to) implements DepartmentEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(DepartmentKind.DEPARTMENT_NAME.change(from, to));
    }
}
