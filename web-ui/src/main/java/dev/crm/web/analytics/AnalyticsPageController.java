package dev.crm.web.analytics;

import dev.crm.app.analytics.AnalyticsService;
import dev.crm.app.analytics.ReportTable;
import dev.crm.command.Rejected;
import dev.crm.query.department.DepartmentQueries;
import dev.crm.query.department.DepartmentView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.AnalyticsAccess.Report;
import dev.crm.web.page.HtmlPages;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The analytics pages: one per report, with its filters, a chart drawn in the browser from the report's JSON (the
 * API's own answer, {@code /js/analytics.js} with ECharts), the table behind it, the CSV link and the lag line.
 */
@Controller
@HtmlPages
class AnalyticsPageController {

    private static final String DEPARTMENT = dev.crm.shared.kind.ObjectFields.DEPARTMENT.name();

    private final AnalyticsService analytics;
    private final DepartmentQueries departments;

    AnalyticsPageController(AnalyticsService analytics, DepartmentQueries departments) {
        this.analytics = analytics;
        this.departments = departments;
    }

    @GetMapping("/analytics")
    String first(Actor actor) {
        List<Report> visible = analytics.visible(actor);
        if (visible.isEmpty()) {
            throw new Rejected.Forbidden("analytics.forbidden");
        }
        return "redirect:/analytics/" + visible.get(0).path();
    }

    @GetMapping("/analytics/{report}")
    String report(Actor actor, @PathVariable String report,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) Long department,
                  @RequestParam(required = false) String owner, Model model) {
        ReportTable table = analytics.run(actor, report, from, to, department, owner);
        Report shown = analytics.report(actor, report);
        List<Long> reachable = analytics.departments(actor, shown);
        List<DepartmentView> choices = departments.all().stream()
                .filter(d -> reachable == null || reachable.contains(d.id())).toList();
        UriComponentsBuilder query = UriComponentsBuilder.newInstance()
                .queryParam("from", table.json().get("from")).queryParam("to", table.json().get("to"));
        if (department != null) {
            query.queryParam(DEPARTMENT, department);
        }
        if (owner != null && !owner.isBlank()) {
            query.queryParam("owner", owner);
        }
        String params = query.encode().build().toUriString();
        model.addAttribute("report", shown.path());
        model.addAttribute("reports", analytics.visible(actor).stream().map(Report::path).toList());
        model.addAttribute("table", table);
        model.addAttribute("answer", table.json());
        model.addAttribute("stateCurrency", table.json().get(dev.crm.shared.reference.ReferenceKind.CURRENCY.kind().name()));
        model.addAttribute("departments", choices);
        model.addAttribute(DEPARTMENT, department);
        model.addAttribute("owner", owner);
        model.addAttribute("apiUrl", "/api/analytics/" + shown.path() + params);
        model.addAttribute("csvUrl", "/api/analytics/" + shown.path() + params + "&format=csv");
        return "analytics/report";
    }
}
