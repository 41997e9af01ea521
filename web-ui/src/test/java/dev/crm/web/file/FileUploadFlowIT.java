package dev.crm.web.file;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memo's files panel in a real browser: the author uploads through the form (files.js: XHR with a
 * progress bar), downloads, sees the attach in the history, deletes after the confirmation page; the
 * recipient sees and downloads but may not add or delete; an administrator sees the stored contents.
 * The tests run with {@code crm.max-upload=1MB}.
 */
@CrmIntegrationTest
class FileUploadFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");


    private long memo(String author, String recipient) {
        return api.as(author, "POST", "/api/memos", Map.of("title", "Offer for ACME", "to", recipient))
                .body().get("id").asLong();
    }

    /** Some text a few hundred kilobytes long (so the upload has progress events), unique to this test run. */
    private static byte[] content(String seed) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 300_000; i++) {
            text.append(seed).append(" line ").append(i).append(' ').append(System.nanoTime()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void theAuthorUploadsDownloadsSeesTheHistoryAndDeletesAFile() throws Exception {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long id = memo(author, recipient);
        byte[] bytes = content("offer");

        Page page = browser.signIn(author, 1280, 900, true);
        page.navigate("/memos/" + id);
        assertThat(page.locator("#files-none")).isVisible();
        assertThat(page.locator("#file-limit")).containsText("At most 1 MB per file.");
        assertThat(page.locator("#nav-admin-contents")).hasCount(0);

        // Record how far the progress bar gets: the panel is replaced once the upload is done.
        page.evaluate("() => { window.maxProgress = 0; const p = document.getElementById('file-progress');"
                + " new MutationObserver(() => { window.maxProgress = Math.max(window.maxProgress,"
                + " Number(p.getAttribute('aria-valuenow'))); }).observe(p, {attributes: true}); }");
        page.locator("#file-input").setInputFiles(new FilePayload("offer.txt", "text/plain", bytes));
        button(page, "Upload").click();

        Locator rows = page.locator("#files-table .file-row");
        assertThat(rows).hasCount(1);
        assertThat(page.evaluate("window.maxProgress")).isEqualTo(100);
        Locator row = rows.first();
        assertThat(row.locator(".file-name")).hasText("offer.txt");
        assertThat(row.locator(".file-size")).containsText("KB");
        assertThat(row.locator(".file-type")).hasText("text/plain");
        assertThat(row.locator(".file-owner")).hasText(author);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("File offer.txt");
        assertThat(page.locator("#files-count")).hasText("1");
        assertThat(tooltipOf(page, link(page, "Download offer.txt"))).hasText("Download the file to your computer");
        page.mouse().move(0, 0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("memo-files.png")).setFullPage(true));

        // Download through the link: the same bytes.
        Download download = page.waitForDownload(() -> link(page, "Download offer.txt").click());
        assertThat(download.suggestedFilename()).isEqualTo("offer.txt");
        assertThat(Files.readAllBytes(download.path())).isEqualTo(bytes);

        // The memo's history shows the file being attached.
        link(page, "History").click();
        page.waitForURL("**/objects/" + id + "/history");
        Locator attached = page.locator(".history-entry")
                .filter(new Locator.FilterOptions().setHas(page.locator(".history-event", new Page.LocatorOptions()
                        .setHasText("File attached"))));
        assertThat(attached).hasCount(1);
        assertThat(attached.locator("tr").filter(new Locator.FilterOptions().setHasText("File name")))
                .containsText("offer.txt");
        assertThat(attached.locator(".history-user")).hasText(author);

        // Delete it: the confirmation lists just that file.
        page.navigate("/memos/" + id);
        link(page, "Delete file offer.txt").click();
        page.waitForURL("**/memos/" + id + "/files/*/delete");
        Locator preview = page.locator("#deletion-preview tbody tr");
        assertThat(preview).hasCount(1);
        assertThat(preview).containsText("offer.txt");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("memo-file-delete.png"))
                .setFullPage(true));
        button(page, "Delete file").click();
        page.waitForURL("**/memos/" + id);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("File offer.txt was deleted.");
        assertThat(page.locator("#files-table .file-row")).hasCount(0);
        assertThat(page.locator("#files-none")).isVisible();
        assertThat(api.as(author, "GET", "/api/files?attachedTo=" + id, null).body().get("total").asInt()).isZero();

        // Others may not see the administrators' page.
        assertThat(page.navigate("/admin/contents").status()).isEqualTo(403);

        page.navigate("/objects/" + id + "/history");
        assertThat(page.locator(".history-event", new Page.LocatorOptions().setHasText("File detached")))
                .hasCount(1);
    }

    @Test
    void theRecipientSeesAndDownloadsFilesButMayNotAddOrDeleteThem() {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long id = memo(author, recipient);
        byte[] bytes = "minutes of the meeting\n".getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload(author, id, "minutes.txt", "text/plain", bytes).status()).isEqualTo(201);

        Page page = browser.signIn(recipient, 1280, 900, true);
        page.navigate("/memos/" + id);
        assertThat(page.locator("#files-table .file-row")).hasCount(1);
        assertThat(link(page, "Download minutes.txt")).isVisible();
        assertThat(page.locator("#file-upload")).hasCount(0);
        assertThat(page.locator("#file-input")).hasCount(0);
        assertThat(page.locator(".file-delete")).hasCount(0);
        Download download = page.waitForDownload(() -> link(page, "Download minutes.txt").click());
        assertThat(download.suggestedFilename()).isEqualTo("minutes.txt");
        long fileId = api.as(author, "GET", "/api/files?attachedTo=" + id, null).body().get("items").get(0)
                .get("id").asLong();
        assertThat(page.navigate("/memos/" + id + "/files/" + fileId + "/delete").status()).isEqualTo(403);
    }

    @Test
    void aTooLargeFileIsRefusedWithAMessageWithAndWithoutJavaScript() {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long id = memo(author, recipient);
        byte[] tooLarge = new byte[1024 * 1024 + 300_000];

        // files.js checks the size before sending anything
        Page page = browser.signIn(author, 1280, 900, true);
        page.navigate("/memos/" + id);
        page.locator("#file-input").setInputFiles(new FilePayload("big.bin", "application/octet-stream", tooLarge));
        assertThat(page.locator("#file-error")).hasText(
                "This file is too large: files may be at most 1 MB. Nothing was uploaded.");
        button(page, "Upload").click();
        assertThat(page.locator("#file-error")).isVisible();
        assertThat(page.locator("#file-progress")).isHidden();

        // without JavaScript the form posts, and the server answers with the memo page and a message
        Page plain = browser.signIn(author, 1280, 900, false);
        plain.navigate("/memos/" + id);
        plain.locator("#file-input").setInputFiles(new FilePayload("big.bin", "application/octet-stream", tooLarge));
        button(plain, "Upload").click();
        plain.waitForURL("**/memos/" + id);
        assertThat(plain.getByRole(AriaRole.STATUS)).containsText(
                "The file is too large: files may be at most 1 MB. Nothing was uploaded.");
        assertThat(plain.locator("#files-none")).isVisible();

        // and a small one goes through, with a message
        plain.locator("#file-input").setInputFiles(new FilePayload("small.txt", "text/plain",
                "small".getBytes(StandardCharsets.UTF_8)));
        button(plain, "Upload").click();
        plain.waitForURL("**/memos/" + id);
        assertThat(plain.getByRole(AriaRole.STATUS)).containsText("File small.txt (5 B) was attached.");
        assertThat(plain.locator("#files-table .file-row")).hasCount(1);
    }

    @Test
    void anAdministratorSeesTheStoredContentsAndTheirReferences() throws Exception {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long first = memo(author, recipient);
        long second = memo(author, recipient);
        byte[] bytes = ("shared content " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        assertThat(api.upload(author, first, "shared.txt", "text/plain", bytes).status()).isEqualTo(201);
        assertThat(api.upload(author, second, "shared-copy.txt", "text/plain", bytes).status()).isEqualTo(201);

        Page page = browser.signIn("admin", 1280, 900, true);
        page.locator("#nav-admin").click();
        link(page, "Stored files").click();
        page.waitForURL("**/admin/contents");
        Locator row = page.locator("#contents-table tr[data-sha256='" + sha256(bytes) + "']");
        assertThat(row).hasCount(1);
        assertThat(row.locator(".content-refs")).hasText("2");
        assertThat(row.locator(".content-file")).hasCount(2);
        assertThat(row.locator(".content-file").filter(new Locator.FilterOptions().setHasText("shared-copy.txt"))
                .locator("a")).hasAttribute("href", "/objects/" + second);
        assertThat(tooltipOf(page, row.locator(".content-sha"))).hasText(sha256(bytes));
        page.mouse().move(0, 0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-contents.png"))
                .setFullPage(true));
        page.locator("#help-link").click();
        page.waitForURL("**/help/admin-contents");
        assertThat(page.locator("main")).containsText("never deleted while a reference is left");
    }

    @Test
    void theFilesPanelFitsAPhone() {
        String author = api.newUser("phone");
        String recipient = api.newUser("recipient");
        long id = memo(author, recipient);
        assertThat(api.upload(author, id, "a-rather-long-file-name-" + "x".repeat(80) + ".txt", "text/plain",
                "x".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
        Page page = browser.signIn(author, 375, 740, true);
        page.navigate("/memos/" + id);
        assertThat(page.locator("#files-table .file-row")).hasCount(1);
        fitsTheWindow(page);
        page.locator("#files-panel").screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("memo-files-phone.png")));
    }
}
