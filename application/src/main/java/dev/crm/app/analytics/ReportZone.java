package dev.crm.app.analytics;

import dev.crm.query.department.DepartmentZones;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The zone a report cuts its days and months in: the department's own time zone ({@link DepartmentZones}, set by an
 * administrator on the department's page), else the server's {@code crm.time-zone} (default UTC), which is also the
 * zone of a report over all the departments the caller sees (null).
 */
@Component
public class ReportZone {

    private final DepartmentZones zones;

    public ReportZone(DepartmentZones zones) {
        this.zones = zones;
    }

    public ZoneId of(Long department) {
        return department == null ? zones.defaultZone() : zones.zoneOf(department);
    }
}
