package dev.crm.shared.department;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * The time zone (an IANA id) in which the department's reports cut days and months; {@code to} null: the server's
 * default ({@code crm.time-zone}). Issue 16.
 */
public record DepartmentTimeZoneChanged(long departmentId, String from, String to) implements DepartmentEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(DepartmentKind.TIME_ZONE.change(from, to));
    }
}
