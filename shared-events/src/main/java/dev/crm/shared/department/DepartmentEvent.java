package dev.crm.shared.department;

import dev.crm.shared.ObjectEvent;

/** Everything that can happen to a department, an object that administrators keep. */
public sealed interface DepartmentEvent extends ObjectEvent permits DepartmentCreated, DepartmentRenamed, DepartmentHeadChanged,
        DepartmentTimeZoneChanged {

    long departmentId();

    @Override
    default long objectId() {
        return departmentId();
    }
}
