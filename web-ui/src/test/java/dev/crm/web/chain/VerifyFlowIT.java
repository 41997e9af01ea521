package dev.crm.web.chain;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;

import com.microsoft.playwright.Page;
import dev.crm.app.chain.ChainMigration;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Verifiable history in a real browser: an admin runs the store-wide check and watches the bar reach the end with
 * "intact", makes a checkpoint and re-checks it; the same check without JavaScript; an author verifies a memo's chain
 * from its history page.
 */
@CrmIntegrationTest
class VerifyFlowIT extends BrowserFlowTest {

    @Autowired
    ChainMigration migration;

    @Test
    void anAdminChecksTheWholeStoreAndMakesACheckpoint() {
        // events other tests wrote straight into the store without a hash: chained as at start-up
        migration.chainUnchained();
        Page page = browser.signIn("admin");
        page.locator("#nav-admin").click();
        page.locator("#nav-admin-verify").click();
        page.waitForURL("**/admin/verify");
        assertThat(page.locator("#chain-verify-panel")).hasAttribute("data-ready", "true");
        button(page, "Check the whole store").click();
        assertThat(page.locator("#chain-verify-result")).hasAttribute("data-valid", "true");
        assertThat(page.locator("#chain-verify-result")).containsText("Every chain is intact");
        assertThat(page.locator("#chain-verify-bar")).hasAttribute("style", Pattern.compile("width: 100%"));
        assertThat(page.locator("#chain-verify-bar")).hasText("100 %");

        button(page, "Make a checkpoint").click();
        assertThat(page.locator(".alert")).containsText("Checkpoint made at position");
        assertThat(page.locator("#chain-checkpoints")).hasAttribute("data-ready", "true");
        page.locator(".chain-checkpoint").first().locator(".chain-recheck").click();
        assertThat(page.locator(".chain-checkpoint").first().locator(".chain-recheck-result")).hasText("Unchanged");
    }

    @Test
    void withoutJavaScriptTheCheckRunsAndThePageShowsItsResult() {
        migration.chainUnchained();
        Page page = browser.signIn("admin", 1280, 900, false);
        page.navigate("/admin/verify");
        button(page, "Check the whole store").click();
        assertThat(page.locator("#chain-verify-result")).hasAttribute("data-valid", "true");
        assertThat(page.locator("#chain-verify-result")).containsText("Every chain is intact");
    }

    @Test
    void anAuthorVerifiesAMemosChainFromItsHistory() {
        String author = api.newUser("chainflow");
        long id = api.as(author, "POST", "/api/memos", Map.of("title", "Verify me", "draft", true)).body()
                .get("id").asLong();
        api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Verify me again"));
        Page page = browser.signIn(author);
        page.navigate("/objects/" + id + "/history");
        assertThat(page.locator("#chain-object")).hasAttribute("data-ready", "true");
        page.locator("#chain-object-verify").click();
        assertThat(page.locator("#chain-object-result")).hasAttribute("data-valid", "true");
        assertThat(page.locator("#chain-object-result")).hasText("Chain intact: 2 events checked.");
    }
}
