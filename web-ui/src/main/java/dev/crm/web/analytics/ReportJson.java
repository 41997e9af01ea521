package dev.crm.web.analytics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * The description of a report's answer ({@code domain.md}, "Analytics"): the fields every report has, and each
 * report's own (absent from the others). The answer itself is written by {@code AnalyticsService}.
 */
@Schema(name = "Report", description = "A report: the filters it was made with, how far behind the store it is, "
        + "and the report's own fields (income: received, months, forecast; sales: items, total; requests: total, "
        + "primary, subsequent, converted; lead-sources: total, sources; conversion: requests, won, percent; "
        + "closing-reasons: total, reasons; deals: total, open, won, lost, averageDaysToWin; funnel: total, stages)")
record ReportJson(
        @Schema(description = "the report's name in the path") String report,
        @Schema(description = "the state currency's code, that money is in", nullable = true) String currency,
        @Schema(format = "date") String from,
        @Schema(format = "date") String to,
        @Schema(nullable = true) Long department,
        @Schema(nullable = true) String owner,
        @Schema(description = "the time zone days and months were cut in") String zone,
        @Schema(description = "events of the store the report has not counted yet (0: up to date)") long lag,
        @Schema(description = "the time of the last event counted", nullable = true, format = "date-time") String asOf,
        @Schema(nullable = true) BigDecimal received,
        @Schema(nullable = true) List<Month> months,
        @Schema(nullable = true) List<Forecast> forecast,
        @Schema(nullable = true) List<Item> items,
        @Schema(description = "sales: the amounts' sum; the others: the number the percentages are of",
                nullable = true) BigDecimal total,
        @Schema(nullable = true) Long primary,
        @Schema(nullable = true) Long subsequent,
        @Schema(nullable = true) Long converted,
        @Schema(nullable = true) List<Source> sources,
        @Schema(nullable = true) Long requests,
        @Schema(nullable = true) Long won,
        @Schema(nullable = true) BigDecimal percent,
        @Schema(nullable = true) List<Reason> reasons,
        @Schema(nullable = true) Long open,
        @Schema(nullable = true) Long lost,
        @Schema(nullable = true) BigDecimal averageDaysToWin,
        @Schema(nullable = true) List<Stage> stages) {

    @Schema(name = "ReportMonth")
    record Month(String month, BigDecimal received) {
    }

    @Schema(name = "ReportForecast")
    record Forecast(String month, BigDecimal guaranteed, BigDecimal highProbability, BigDecimal lowProbability) {
    }

    @Schema(name = "ReportItem")
    record Item(String product, long quantity, BigDecimal amount) {
    }

    @Schema(name = "ReportSource")
    record Source(String source, long count, BigDecimal percent) {
    }

    @Schema(name = "ReportReason")
    record Reason(String reason, long count, BigDecimal percent) {
    }

    @Schema(name = "ReportStage")
    record Stage(String stage, long count) {
    }

    /** The answer of a rebuild's start. */
    @Schema(name = "ReportRebuild")
    record Rebuild(boolean rebuilding) {
    }
}
