package dev.crm.app.analytics;

import dev.crm.command.Rejected;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.access.AnalyticsAccess;
import dev.crm.shared.access.AnalyticsAccess.Reach;
import dev.crm.shared.access.AnalyticsAccess.Report;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The analytics reports' use case: who may see which report and which departments' numbers ({@link AnalyticsAccess}),
 * the period (default: the last 365 days up to today in the report's zone, {@link ReportZone}), then the report's
 * queries ({@link AnalyticsReports}) and how far behind the store they are ({@link AnalyticsLag}).
 */
@Service
public class AnalyticsService {

    /** The default period: this many days, today included. */
    static final int DEFAULT_DAYS = 365;

    private final AnalyticsReports reports;
    private final AnalyticsLag lag;
    private final ReportZone zones;
    private final UserQueries users;
    private final Clock clock;
    private final AnalyticsRebuild rebuild;

    public AnalyticsService(AnalyticsReports reports, AnalyticsLag lag, ReportZone zones, UserQueries users, Clock clock,
                            AnalyticsRebuild rebuild) {
        this.rebuild = rebuild;
        this.reports = reports;
        this.lag = lag;
        this.zones = zones;
        this.users = users;
        this.clock = clock;
    }

    /** The reports the actor may see, in the menu's order. */
    public List<Report> visible(Actor actor) {
        return Arrays.stream(Report.values()).filter(r -> AnalyticsAccess.reach(actor, r) != Reach.NONE).toList();
    }

    /** The report by its path; 404 for an unknown one, 403 for one the actor may not see. */
    public Report report(Actor actor, String path) {
        Report report = Report.ofPath(path).orElseThrow(() -> new Rejected.NotFound("analytics.unknown", path));
        if (AnalyticsAccess.reach(actor, report) == Reach.NONE) {
            throw new Rejected.Forbidden("analytics.forbidden");
        }
        return report;
    }

    /** The departments the actor may filter the report by: null for every one. */
    public List<Long> departments(Actor actor, Report report) {
        return AnalyticsAccess.reach(actor, report) == Reach.DEPT ? users.departments(actor.username()) : null;
    }

    @Transactional(readOnly = true)
    public ReportTable run(Actor actor, String path, LocalDate from, LocalDate to, Long department, String owner) {
        Report report = report(actor, path);
        Collection<Long> departments = null;
        String self = null;
        if (AnalyticsAccess.reach(actor, report) == Reach.DEPT) {
            List<Long> own = users.departments(actor.username());
            if (department != null && !own.contains(department)) {
                throw new Rejected.Forbidden("analytics.department.forbidden");
            }
            departments = department != null ? List.of(department) : own;
            self = department != null ? null : actor.username();
        } else if (department != null) {
            departments = List.of(department);
        }
        ZoneId zone = zones.of(department);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate end = to != null ? to : today;
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw new Rejected.Invalid("from", "validation.analytics.period");
        }
        if (start.plusYears(20).isBefore(end)) {
            throw new Rejected.Invalid("from", "validation.analytics.period-too-long");
        }
        AnalyticsLag.Lag behind = lag.now();
        ReportTable table = reports.report(report, new AnalyticsReports.Scope(start, end, zone, departments, self,
                owner == null || owner.isBlank() ? null : owner, today));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("report", report.path());
        json.put(dev.crm.shared.reference.ReferenceKind.CURRENCY.kind().name(), reports.stateCurrency());
        json.put("from", start.toString());
        json.put("to", end.toString());
        json.put(dev.crm.shared.kind.ObjectFields.DEPARTMENT.name(), department);
        json.put("owner", owner == null || owner.isBlank() ? null : owner);
        json.put("zone", zone.getId());
        json.putAll(table.json());
        json.put("lag", behind.events());
        json.put("asOf", behind.asOf() == null ? null : behind.asOf().toString());
        return new ReportTable(table.report(), json, table.columns(), table.rows());
    }

    /** Rebuilds the report tables by replay (admins only). */
    public void rebuild(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("analytics.rebuild.forbidden");
        }
        rebuild.rebuild();
    }
}
