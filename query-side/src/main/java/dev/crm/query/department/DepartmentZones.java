package dev.crm.query.department;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The time zone a department's reports cut days and months in (issue 16): the department's own
 * ({@code department_view.time_zone}), else the server's default {@code crm.time-zone} (UTC unless set). For the
 * analytics: {@code zones.zoneOf(department)}; {@code null} (no department) is the default.
 */
@Component
public class DepartmentZones {

    private final JdbcTemplate jdbc;
    private final ZoneId fallback;

    public DepartmentZones(JdbcTemplate jdbc, @Value("${crm.time-zone:UTC}") String fallback) {
        this.jdbc = jdbc;
        this.fallback = ZoneId.of(fallback);
    }

    public ZoneId zoneOf(Long department) {
        if (department == null) {
            return fallback;
        }
        return jdbc.queryForList("SELECT time_zone FROM department_view WHERE id = ?", String.class, department)
                .stream().filter(z -> z != null).findFirst().map(ZoneId::of).orElse(fallback);
    }

    /** The server's default zone ({@code crm.time-zone}). */
    public ZoneId defaultZone() {
        return fallback;
    }
}
