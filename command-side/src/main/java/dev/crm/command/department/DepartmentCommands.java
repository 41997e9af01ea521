package dev.crm.command.department;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Department commands; only admins may send them. {@code expectedVersion} is the caller's If-Match (null: any). */
public final class DepartmentCommands {

    private DepartmentCommands() {
    }

    public record CreateDepartment(@TargetAggregateIdentifier long departmentId, String name) {
    }

    public record RenameDepartment(@TargetAggregateIdentifier long departmentId, Long expectedVersion, String name) {
    }

    /** Makes a member of the department its head ({@code head} blank: no head). */
    public record SetDepartmentHead(@TargetAggregateIdentifier long departmentId, Long expectedVersion, String head) {
    }

    /** The zone the department's reports cut days and months in: an IANA id ({@code timeZone} blank: the default). */
    public record SetDepartmentTimeZone(@TargetAggregateIdentifier long departmentId, Long expectedVersion,
                                        String timeZone) {
    }
}
