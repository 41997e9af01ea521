package dev.crm.web.task;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.crm.app.file.ContentStore;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task made from a memo in a real browser: the recipient copies one of the memo's two files to a new
 * task, deletes the task after the confirmation page (which lists the task and its file); the memo and
 * its files stay, the shared content stays; once the memo is deleted too, the content goes.
 */
@CrmIntegrationTest
class TaskFromMemoFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @Autowired
    ContentStore store;




    private JsonNode memoFiles(String user, long memo) {
        return api.as(user, "GET", "/api/files?attachedTo=" + memo, null).body();
    }

    @Test
    void theRecipientMakesATaskWithOneFileDeletesItAndTheMemoKeepsItsFiles() {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Offer for ACME", "to", recipient))
                .body().get("id").asLong();
        byte[] offer = ("offer " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        byte[] prices = ("prices " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        long offerFile = api.upload(author, memo, "offer.txt", "text/plain", offer).body().get("id").asLong();
        assertThat(api.upload(author, memo, "prices.txt", "text/plain", prices).status()).isEqualTo(201);
        String offerSha = api.as(author, "GET", "/api/files/" + offerFile, null).body().get("sha256").asText();

        Page page = browser.signIn(recipient);
        page.navigate("/memos/" + memo);
        link(page, "Create task").click();
        page.waitForURL("**/memos/" + memo + "/task");
        assertThat(page.locator("#title")).hasValue("Offer for ACME");
        assertThat(page.locator("#copy-files input[type=checkbox]")).hasCount(2);
        page.getByLabel("offer.txt", new Page.GetByLabelOptions().setExact(false)).check();
        page.locator("#dueDate").fill("2020-01-31");
        button(page, "Create task").click();
        page.waitForURL("**/tasks/*");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("was made from memo ID " + memo);
        assertThat(page.locator("#task-title")).hasText("Offer for ACME");
        assertThat(page.locator("#task-memo a")).hasAttribute("href", "/memos/" + memo);
        assertThat(page.locator("#task-due")).containsText("Overdue");
        Locator rows = page.locator("#files-table .file-row");
        assertThat(rows).hasCount(1);
        assertThat(rows.first().locator(".file-name")).hasText("offer.txt");
        long task = Long.parseLong(page.url().replaceAll(".*/tasks/", ""));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("task-page.png")).setFullPage(true));

        // the memo lists the task made from it
        page.navigate("/memos/" + memo);
        assertThat(page.locator("#memo-tasks .memo-task")).hasCount(1);
        assertThat(page.locator("#memo-tasks a")).hasAttribute("href", "/tasks/" + task);

        // delete the task: the confirmation lists the task and its copied file first
        page.navigate("/tasks/" + task);
        link(page, "Delete").click();
        page.waitForURL("**/tasks/" + task + "/delete");
        Locator preview = page.locator("#deletion-preview tbody tr");
        assertThat(preview).hasCount(2);
        assertThat(page.locator("#deletion-preview tr[data-kind=task]")).containsText("Offer for ACME");
        assertThat(page.locator("#deletion-preview tr[data-kind=file]")).containsText("offer.txt");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("task-delete.png")).setFullPage(true));
        button(page, "Delete task").click();
        page.waitForURL("**/tasks");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Task ID " + task);
        assertThat(page.navigate("/tasks/" + task).status()).isEqualTo(404);

        // the memo and both its files remain, and the content is still there
        page.navigate("/memos/" + memo);
        assertThat(page.locator("#files-table .file-row")).hasCount(2);
        assertThat(page.locator("#memo-tasks")).hasCount(0);
        assertThat(memoFiles(author, memo).get("total").asInt()).isEqualTo(2);
        Api.Download copy = api.download(author, "/api/files/" + offerFile + "/content");
        assertThat(copy.status()).isEqualTo(200);
        assertThat(copy.bytes()).isEqualTo(offer);
        assertThat(store.exists(offerSha)).isTrue();

        // the memo was reviewed when the task was made: an administrator deletes it; the content goes
        assertThat(api.as("admin", "DELETE", "/api/memos/" + memo, null).status()).isEqualTo(204);
        assertThat(api.download("admin", "/api/files/" + offerFile + "/content").status()).isEqualTo(404);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !store.exists(offerSha));
    }
}
