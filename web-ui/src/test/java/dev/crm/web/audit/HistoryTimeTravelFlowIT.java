package dev.crm.web.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Time travel on a task's history page in a real browser, on a desk and on a phone: choose an earlier entry, see the
 * fields as they were then beside their values now with the differing ones marked, step forward and back through the
 * timeline; and the same links without JavaScript.
 */
@CrmIntegrationTest
class HistoryTimeTravelFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    long task(String user) {
        long task = api.as(user, "POST", "/api/tasks", Map.of("title", "Draft plan", "responsible", List.of(user)))
                .body().get("id").asLong();
        org.assertj.core.api.Assertions.assertThat(api.as(user, "PATCH", "/api/tasks/" + task,
                Map.of("title", "Final plan")).status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(api.as(user, "PATCH", "/api/tasks/" + task,
                Map.of("stage", "in_progress")).status()).isEqualTo(200);
        return task;
    }

    static Locator row(Page page, String field) {
        return page.locator("#history-state tr[data-field='" + field + "']");
    }

    void travel(Page page, long task, String screenshot) {
        page.navigate("/objects/" + task + "/history");
        assertThat(page.locator("#history-state .history-state")).hasCount(0);
        page.locator(".history-entry").first().locator(".history-state-show").click();

        assertThat(page.locator("#history-state h2")).hasText("As it was after #1");
        assertThat(page).hasURL(Pattern.compile(".*/objects/" + task + "/history/state\\?version=1$"));
        assertThat(row(page, "title").locator(".history-state-then")).hasText("Draft plan");
        assertThat(row(page, "title").locator(".history-state-now")).hasText("Final plan");
        assertThat(row(page, "title")).hasClass(Pattern.compile(".*history-state-differs.*"));
        assertThat(row(page, "stage").locator(".history-state-then")).hasText("Pending");
        assertThat(row(page, "stage").locator(".history-state-now")).hasText("In progress");
        assertThat(row(page, "stage")).hasClass(Pattern.compile(".*history-state-differs.*"));
        assertThat(row(page, "priority")).not().hasClass(Pattern.compile(".*history-state-differs.*"));
        assertThat(page.locator("#history-state .history-state-summary")).containsText("2");
        assertThat(page.locator("#history-state .history-state-previous")).hasCount(0);
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(screenshot)).setFullPage(true));

        link(page, "Next").click();
        assertThat(page.locator("#history-state h2")).hasText("As it was after #2");
        assertThat(row(page, "title").locator(".history-state-then")).hasText("Final plan");
        assertThat(row(page, "title")).not().hasClass(Pattern.compile(".*history-state-differs.*"));
        assertThat(row(page, "stage")).hasClass(Pattern.compile(".*history-state-differs.*"));

        link(page, "Next").click();
        assertThat(page.locator("#history-state h2")).hasText("As it was after #3");
        assertThat(page.locator("#history-state .history-state-summary")).hasText("Every field has the value it has now.");
        assertThat(page.locator("#history-state .history-state-next")).hasCount(0);

        link(page, "Previous").click();
        assertThat(page.locator("#history-state h2")).hasText("As it was after #2");
        link(page, "Previous").click();
        assertThat(page.locator("#history-state h2")).hasText("As it was after #1");
        assertThat(row(page, "title").locator(".history-state-then")).hasText("Draft plan");
        assertThat(page.locator(".history-entry")).hasCount(3);
        fitsTheWindow(page);

        link(page, "Close").click();
        assertThat(page.locator("#history-state .history-state")).hasCount(0);
    }

    @Test
    void onADeskChooseAnEarlierEntryAndStepThroughTheTimeline() {
        String user = api.newUser("ttdesk");
        long task = task(user);
        travel(browser.signIn(user), task, "history-state-desk.png");
    }

    @Test
    void onAPhoneTheSame() {
        String user = api.newUser("ttphone");
        long task = task(user);
        travel(browser.signIn(user, 390, 844, true), task, "history-state-phone.png");
    }

    @Test
    void withoutJavaScriptTheLinksOpenThePageWithThePanel() {
        String user = api.newUser("ttnojs");
        long task = task(user);
        Page page = browser.signIn(user, 1280, 900, false);
        page.navigate("/objects/" + task + "/history");
        page.locator(".history-entry").nth(1).locator(".history-state-show").click();
        assertThat(page.locator("#history-state h2")).hasText("As it was after #2");
        link(page, "Previous").click();
        assertThat(page.locator("#history-state h2")).hasText("As it was after #1");
        assertThat(row(page, "title").locator(".history-state-then")).hasText("Draft plan");
        org.assertj.core.api.Assertions.assertThat(page.url()).endsWith("version=1");
    }
}
