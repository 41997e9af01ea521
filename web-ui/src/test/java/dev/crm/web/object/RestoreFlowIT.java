package dev.crm.web.object;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import dev.crm.query.replay.ReadModelRebuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser: an author deletes a memo with two files; an admin finds it on the deleted-objects
 * page (with its files listed as deleted with it), reads its history, restores it; the author sees the
 * memo with both files again, and its history goes on with "Restored".
 */
@CrmIntegrationTest
class RestoreFlowIT {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    Api api;
    BrowserSession browser;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        browser = new BrowserSession(port);
        // content without references is purged within seconds; hold that off so the files can come back
        // (RestoreIT covers a restore after the purge)
        jdbc.update("UPDATE crm_maintenance SET active = TRUE WHERE name = ?", ReadModelRebuilder.MAINTENANCE);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        jdbc.update("UPDATE crm_maintenance SET active = FALSE WHERE name = ?", ReadModelRebuilder.MAINTENANCE);
    }

    @Test
    void anAdminRestoresADeletedMemoWithItsFilesForItsAuthor() {
        String author = api.newUser("rfauthor");
        String title = "Quarterly plan " + System.nanoTime();
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", title, "draft", true)).body().get("id")
                .asLong();
        for (String name : new String[] {"plan.txt", "budget.txt"}) {
            api.upload(author, memo, name, "text/plain", (name + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        }
        Page authorPage = browser.signIn(author);
        authorPage.navigate("/memos/" + memo);
        link(authorPage, "Delete").click();
        dev.crm.web.testsupport.BrowserSession.button(authorPage, "Delete for good").click();
        authorPage.waitForURL("**/memos");
        assertThat(authorPage.navigate("/memos/" + memo).status()).isEqualTo(404);
        // the author cannot see the page of deleted objects
        assertThat(authorPage.navigate("/admin/deleted").status()).isEqualTo(403);

        Page admin = browser.signIn("admin");
        admin.locator("#nav-admin").click();
        admin.locator("#nav-admin-deleted").click();
        Locator row = admin.locator(".deleted-row[data-object-id='" + memo + "']");
        assertThat(row).containsText(title);
        assertThat(row).containsText(author);
        assertThat(row.locator(".deleted-parts li")).hasCount(2);
        assertThat(row.locator(".deleted-parts")).containsText("plan.txt");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("deleted-objects.png")));

        row.locator(".deleted-history").click();
        admin.waitForURL("**/objects/" + memo + "/history");
        assertThat(admin.locator(".history-event").last()).hasText("Deleted");
        admin.goBack();

        admin.locator(".deleted-row[data-object-id='" + memo + "'] .deleted-restore").click();
        assertThat(admin.locator(".alert-success[role=status]")).containsText("ID " + memo + " was restored");
        admin.waitForURL("**/admin/deleted");
        assertThat(admin.locator(".deleted-row[data-object-id='" + memo + "']")).hasCount(0);

        authorPage.navigate("/memos/" + memo);
        assertThat(authorPage.locator("#memo-title")).hasText(title);
        assertThat(authorPage.locator(".file-row")).hasCount(2);
        authorPage.navigate("/objects/" + memo + "/history");
        Locator events = authorPage.locator(".history-event");
        assertThat(events.filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^Restored$"))))
                .hasCount(1);
        assertThat(events.filter(new Locator.FilterOptions().setHasText("File restored"))).hasCount(2);
    }
}
