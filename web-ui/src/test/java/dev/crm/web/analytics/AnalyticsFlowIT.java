package dev.crm.web.analytics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import dev.crm.app.ObjectIds;
import dev.crm.app.analytics.AnalyticsLag;
import dev.crm.shared.access.AnalyticsAccess.Report;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The analytics pages in a real browser, at desk and phone width: the menu entry for who may see reports, each
 * report's page with a drawn chart (ECharts' canvas, with data) and the table behind it, the lag line, the CSV
 * download, and an operator kept out.
 */
@CrmIntegrationTest
class AnalyticsFlowIT extends BrowserFlowTest {

    @Autowired
    EventStore store;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectIds ids;
    @Autowired
    AnalyticsLag lag;

    @ParameterizedTest
    @CsvSource({"desk, 1280, 900", "phone, 390, 844"})
    void eachReportDrawsItsChartShowsItsTableAndDownloadsAsCsv(String name, int width, int height) throws IOException {
        String chief = api.newUser("charts" + name.charAt(0), "chief");
        long department = AnalyticsScenario.department(api, "Charts " + name);
        AnalyticsScenario s = new AnalyticsScenario(store, transactions, ids, department, chief,
                ZoneId.of(AnalyticsScenario.ZONE));
        AnalyticsScenario.caughtUp(lag);

        Page page = browser.signIn(chief, width, height, true);
        assertThat(page.locator("#nav-analytics")).hasCount(1);
        page.navigate("/analytics");
        assertThat(page).hasURL(Pattern.compile(".*/analytics/income$"));

        for (Report report : Report.values()) {
            page.navigate("/analytics/" + report.path() + "?from=2026-01-01&to=2026-12-31&department=" + department);
            assertThat(page.locator("#analytics-title")).not().isEmpty();
            assertThat(page.locator("#analytics-chart canvas")).hasCount(1);
            assertThat(page.locator("#analytics-chart")).hasAttribute("data-points", Pattern.compile("[1-9][0-9]*"));
            Object values = page.evaluate("() => echarts.getInstanceByDom(document.getElementById('analytics-chart'))"
                    + ".getOption().series[0].data.length");
            assertThat(((Number) values).intValue()).as(report.path()).isPositive();
            assertThat(page.locator("#analytics-table tbody tr").first()).isVisible();
            assertThat(page.locator("#analytics-lag")).containsText(Pattern.compile("Up to date|events behind"));
            assertThat(page.locator("#analytics-department")).hasValue(Long.toString(department));
            if (report == Report.INCOME || report == Report.FUNNEL) {
                // for a look at the page (not compared)
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(java.nio.file.Path.of("target/screenshots/analytics-" + report.path() + "-" + name + ".png")));
            }
            if (report == Report.REQUESTS) {
                assertThat(page.locator("#analytics-table tbody tr").first()).containsText("2");
            }
            fitsTheWindow(page);
        }

        // the CSV of the page's table, with the page's filters
        page.navigate("/analytics/lead-sources?from=2026-01-01&to=2026-12-31&department=" + department);
        Download download = page.waitForDownload(() -> page.locator("#analytics-csv").click());
        assertThat(download.suggestedFilename()).startsWith("lead-sources-").endsWith(".csv");
        assertThat(Files.readAllLines(download.path(), StandardCharsets.UTF_8))
                .containsExactly("source,count,percent", s.source + ",1,50.0", "not specified,1,50.0");

        // the filters: a period without anything
        page.locator("#analytics-from").fill("2025-01-01");
        page.locator("#analytics-to").fill("2025-01-31");
        page.locator("#analytics-apply").click();
        assertThat(page).hasURL(Pattern.compile(".*from=2025-01-01.*"));
        assertThat(page.locator("#analytics-table tbody")).containsText("0");

        // in German: the user switches the language on "My settings", and the reports speak it
        page.navigate("/settings");
        page.getByLabel("Language").selectOption("de");
        dev.crm.web.testsupport.BrowserSession.button(page, "Save settings").click();
        assertThat(page.locator("h1")).hasText("Meine Einstellungen");
        page.navigate("/analytics/income?from=2026-01-01&to=2026-12-31&department=" + department);
        assertThat(page.locator("#analytics-title")).hasText("Einnahmen");
        assertThat(page.locator("#analytics-lag")).containsText(Pattern.compile("Auf dem Stand|hinter dem Speicher"));
        assertThat(page.locator("#analytics-csv")).containsText("CSV");
    }

    @ParameterizedTest
    @CsvSource({"desk, 1280, 900", "phone, 390, 844"})
    void anOperatorHasNoAnalytics(String name, int width, int height) {
        String operator = api.newUser("nocharts" + name.charAt(0), "operator");
        Page page = browser.signIn(operator, width, height, true);
        assertThat(page.locator("#nav-analytics")).hasCount(0);
        assertThat(page.navigate("/analytics/funnel").status()).isEqualTo(403);
        String accountant = api.newUser("incomeonly" + name.charAt(0), "accountant");
        Page other = browser.signIn(accountant, width, height, true);
        assertThat(other.locator("#nav-analytics")).hasCount(1);
        other.navigate("/analytics");
        assertThat(other).hasURL(Pattern.compile(".*/analytics/income$"));
        assertThat(other.locator("#analytics-reports a")).hasCount(1);
        assertThat(other.locator("#analytics-chart canvas")).hasCount(1);
    }
}
