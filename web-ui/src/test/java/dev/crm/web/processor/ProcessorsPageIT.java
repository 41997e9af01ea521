package dev.crm.web.processor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.crm.query.replay.LiveRebuild;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The processors page in Chromium: the table of processors with their positions, lags and segments' holders; a rebuild
 * started from the page after its confirmation, whose progress bar the page's script moves until it is done.
 */
@CrmIntegrationTest
class ProcessorsPageIT extends BrowserFlowTest {

    @Autowired
    LiveRebuild live;

    @AfterEach
    void defaults() throws InterruptedException {
        live.awaitThread(Duration.ofMinutes(2));
        live.batchSize(1_000);
    }

    @Test
    void anAdminRebuildsTheReadModelsFromThePageAndWatchesTheBarReachDone() {
        String author = api.newUser("author");
        for (int i = 0; i < 10; i++) {
            api.as(author, "POST", "/api/memos", Map.of("title", "Paged " + i, "draft", true));
        }
        Page page = browser.signIn("admin");
        page.locator("#nav-admin").click();
        page.locator("#nav-admin-processors").click();
        assertThat(page.locator("h1")).hasText("Event processors");
        Locator memos = page.locator("tr.processor-row[data-name=memos]");
        assertThat(memos.locator(".processor-mode")).hasText("subscribing");
        assertThat(memos.locator(".processor-lag")).hasText("0");
        Locator analytics = page.locator("tr.processor-row[data-name=analytics]");
        assertThat(analytics.locator(".processor-mode")).hasText("streaming");
        assertThat(analytics.locator(".processor-segment")).hasCount(2);
        assertThat(page.locator("tr.processor-row[data-name=email-sending] .processor-not-rebuildable"))
                .hasText("not rebuildable");
        assertThat(tooltipOf(page, memos.locator(".processor-mode"))).containsText("inside each command");
        fitsTheWindow(page);

        live.batchSize(10);
        memos.locator(".processor-rebuild-button").click();
        assertThat(page.locator("#processor-rebuild-what")).containsText("rebuilt together");
        button(page, "Start the rebuild").click();
        assertThat(page.locator(".alert")).containsText("The rebuild of memos has started");
        Locator row = page.locator("tr.processor-row[data-name=memos]");
        // the script follows the rebuild to its end, without a reload
        assertThat(row.locator(".processor-rebuild-state")).hasText("done",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(120_000));
        assertThat(row.locator(".processor-progress-bar")).hasText("100 %");
        assertThat(row.locator(".processor-progress-bar")).hasClass(Pattern.compile("bg-success"));
        assertThat(row.locator(".processor-progress")).hasAttribute("aria-valuenow", "100");
        // the other read models share the rebuild
        assertThat(page.locator("tr.processor-row[data-name=tasks] .processor-rebuild-state")).hasText("done");

        // the help page says what a rebuild does
        page.navigate("/help/admin-processors");
        assertThat(page.locator("article")).containsText("copies of the read models");
    }
}
