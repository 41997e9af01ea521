package dev.crm.web.analytics;

import dev.crm.app.analytics.AnalyticsService;
import dev.crm.app.analytics.ReportTable;
import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.web.page.CsvExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The analytics reports' API ({@code domain.md}, "Analytics"): JSON, or the same table as CSV. */
@RestController
@Tag(name = "analytics", description = "Reports over the CRM's events: income, sales, requests, lead sources, "
        + "conversion, closing reasons, deals, funnel")
class AnalyticsApiController {

    static final String CSV = "csv";
    static final String JSON = "json";

    private final AnalyticsService analytics;
    private final CsvExport csv;

    AnalyticsApiController(AnalyticsService analytics, CsvExport csv) {
        this.analytics = analytics;
        this.csv = csv;
    }

    @GetMapping("/api/analytics/{report}")
    @Operation(operationId = "getReport", summary = "A report: income, sales, requests, lead-sources, conversion, "
            + "closing-reasons, deals or funnel. Period: from and to (days, in the report's zone; default the last 365 "
            + "days up to today); department, owner: only theirs. Money in the state currency (currency). lag: how many "
            + "events of the store the report has not seen yet; asOf: the time of the last one it has. format=csv: "
            + "the table behind the report's chart as CSV. Chiefs and managers (their departments' numbers) see every "
            + "report, accountants income only.",
            responses = {@io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "the report, or its table as CSV", content = {
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @Schema(implementation = ReportJson.class)),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = CsvExport.TEXT_CSV,
                            schema = @Schema(type = "string"))}),
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
                            description = "a report the caller may not see, or a department outside a manager's own",
                            content = @io.swagger.v3.oas.annotations.media.Content(
                                    mediaType = "application/problem+json",
                                    schema = @Schema(ref = "#/components/schemas/Problem")))})
    ResponseEntity<Map<String, Object>> report(Actor actor,
            @PathVariable @Schema(allowableValues = {"income", "sales", "requests", "lead-sources", "conversion",
                    "closing-reasons", "deals", "funnel"}) String report,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long department,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"json", "csv"}))
            String format,
            HttpServletResponse response) throws IOException {
        if (format != null && !format.equals(CSV) && !format.equals(JSON)) {
            throw new Rejected.Invalid("format", "validation.analytics.format");
        }
        ReportTable table = analytics.run(actor, report, from, to, department, owner);
        if (CSV.equals(format)) {
            csv.writeTable(response, table.report(), table.columns(), table.rows());
            return null;
        }
        return ResponseEntity.ok(table.json());
    }

    @PostMapping("/api/admin/analytics/rebuild")
    @Operation(operationId = "rebuildReports", summary = "(admin) Rebuild the report tables by replaying the store: "
            + "they are emptied and filled again in the background, lag says how far they are")
    @dev.crm.web.openapi.AdminOnly
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    ResponseEntity<ReportJson.Rebuild> rebuild(Actor actor) {
        analytics.rebuild(actor);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ReportJson.Rebuild(true));
    }
}
