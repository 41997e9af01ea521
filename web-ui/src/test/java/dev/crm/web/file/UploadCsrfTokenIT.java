package dev.crm.web.file;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Security finding 9 (the token item): the files panel's upload form carried the CSRF token in its URL,
 * where access logs, the history and Referer headers keep it. Now the token travels in the form's hidden
 * field (a plain form post) or in the X-CSRF-TOKEN header (files.js), never in a URL, and a too-large
 * upload without JavaScript still gets its message.
 */
@CrmIntegrationTest
class UploadCsrfTokenIT extends BrowserFlowTest {


    private static List<Request> uploads(Page page) {
        List<Request> uploads = new CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if ("POST".equals(r.method()) && r.url().contains("/files")) {
                uploads.add(r);
            }
        });
        return uploads;
    }

    @Test
    void theUploadFormKeepsItsTokenOutOfTheUrlWithAndWithoutJavaScript() {
        String author = api.newUser("author");
        long id = api.as(author, "POST", "/api/memos", Map.of("title", "Offer", "to", api.newUser("recipient")))
                .body().get("id").asLong();

        // with files.js: the token in the header
        Page page = browser.signIn(author, 1280, 900, true);
        page.navigate("/memos/" + id);
        assertThat(page.locator("#file-upload").getAttribute("action")).isEqualTo("/memos/" + id + "/files");
        assertThat(page.locator("#file-upload input[type=hidden][name=_csrf]")).hasCount(1);
        List<Request> sent = uploads(page);
        page.locator("#file-input").setInputFiles(new FilePayload("a.txt", "text/plain",
                "first".getBytes(StandardCharsets.UTF_8)));
        button(page, "Upload").click();
        assertThat(page.locator("#files-table .file-row")).hasCount(1);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).url()).doesNotContain("_csrf");
        assertThat(sent.get(0).headers()).containsKey("x-csrf-token");

        // without JavaScript: the plain form, the token in its body
        Page plain = browser.signIn(author, 1280, 900, false);
        plain.navigate("/memos/" + id);
        List<Request> posted = uploads(plain);
        plain.locator("#file-input").setInputFiles(new FilePayload("b.txt", "text/plain",
                "second".getBytes(StandardCharsets.UTF_8)));
        button(plain, "Upload").click();
        plain.waitForURL("**/memos/" + id);
        assertThat(plain.getByRole(AriaRole.STATUS)).containsText("File b.txt (6 B) was attached.");
        assertThat(posted).hasSize(1);
        assertThat(posted.get(0).url()).doesNotContain("_csrf");

        // a too-large file without JavaScript: its body is never read, and still the message comes
        plain.locator("#file-input").setInputFiles(new FilePayload("big.bin", "application/octet-stream",
                new byte[1024 * 1024 + 300_000]));
        button(plain, "Upload").click();
        plain.waitForURL("**/memos/" + id);
        assertThat(plain.getByRole(AriaRole.STATUS)).containsText(
                "The file is too large: files may be at most 1 MB. Nothing was uploaded.");
        assertThat(posted).hasSize(2);
        assertThat(posted.get(1).url()).doesNotContain("_csrf");
        assertThat(plain.locator("#files-table .file-row")).hasCount(2);
    }
}
