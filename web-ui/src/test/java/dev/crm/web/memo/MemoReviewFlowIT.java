package dev.crm.web.memo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The memo flow in a real browser: A writes a memo to B through the form, B finds it with {@code ID<n>}
 * and reviews it, A can no longer change or delete it (no buttons, and the API says 403), and the
 * history shows who did what with old and new values. Plus the pages at phone width.
 */
@CrmIntegrationTest
class MemoReviewFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");





    @Test
    void recipientReviewsAndTheAuthorLosesEditAndDeleteAndHistoryShowsIt() {
        String a = api.newUser("author");
        String b = api.newUser("recipient");

        // A writes a memo to B through the form.
        Page pageA = browser.signIn(a, 1280, 900, true);
        link(pageA, "Memos").first().click();
        link(pageA, "New memo").click();
        pageA.getByLabel("Title").fill("Quarterly budget");
        pageA.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).selectOption(b);
        pageA.getByLabel("Description").fill("Please approve <b>the</b> budget by Friday.");
        button(pageA, "Create memo").click();
        pageA.waitForURL(Pattern.compile(".*/memos/\\d+$"));
        long id = Long.parseLong(pageA.url().replaceAll(".*/memos/", ""));
        assertThat(pageA.locator("#memo-id")).hasText("ID " + id);
        assertThat(pageA.locator("#memo-description")).hasText("Please approve <b>the</b> budget by Friday.");
        assertThat(link(pageA, "Edit")).isVisible();
        assertThat(link(pageA, "Delete")).isVisible();
        assertThat(link(pageA, "Review")).hasCount(0);
        assertThat(pageA.getByRole(AriaRole.STATUS)).containsText("ID " + id);

        // B finds it through the search bar with ID<n>, and reviews it.
        Page pageB = browser.signIn(b, 1280, 900, true);
        pageB.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search, or open an object by its ID"))
                .fill("ID" + id);
        pageB.keyboard().press("Enter");
        pageB.waitForURL("**/memos/" + id);
        assertThat(pageB.locator("#memo-title")).hasText("Quarterly budget");
        assertThat(link(pageB, "Edit")).hasCount(0);
        assertThat(button(pageB, "Postpone")).isVisible();
        // crm.js gives every [data-bs-toggle=tooltip] a Bootstrap tooltip
        assertThat(tooltipOf(pageB, link(pageB, "Review"))).hasText(
                "Review the memo: write a conclusion; the memo becomes reviewed");
        link(pageB, "Review").click();
        pageB.getByLabel("Conclusion").fill("Approved, go ahead.");
        button(pageB, "Mark as reviewed").click();
        pageB.waitForURL("**/memos/" + id);
        assertThat(pageB.locator("#memo-stage")).hasText("reviewed");
        assertThat(pageB.locator("#memo-conclusion")).hasText("Approved, go ahead.");
        assertThat(link(pageB, "Review")).hasCount(0);
        assertThat(button(pageB, "Postpone")).hasCount(0);

        // A sees the memo reviewed, and may no longer change or delete it.
        pageA.reload();
        assertThat(pageA.locator("#memo-stage")).hasText("reviewed");
        assertThat(pageA.locator(".stage-badge")).hasText("reviewed");
        assertThat(link(pageA, "Edit")).hasCount(0);
        assertThat(link(pageA, "Delete")).hasCount(0);
        assertThat(button(pageA, "Edit")).hasCount(0);
        assertThat(button(pageA, "Delete")).hasCount(0);
        assertThat(link(pageA, "History")).isVisible();
        pageA.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("memo-page-reviewed.png"))
                .setFullPage(true));
        assertThat(api.as(a, "PATCH", "/api/memos/" + id, Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(pageA.navigate("/memos/" + id + "/edit").status()).isEqualTo(403);
        pageA.goBack();

        // The history: who did what, with old and new values.
        link(pageA, "History").click();
        pageA.waitForURL("**/objects/" + id + "/history");
        Locator entries = pageA.locator(".history-entry");
        assertThat(entries).hasCount(2);
        Locator created = entries.nth(0);
        assertThat(created.locator(".history-event")).hasText("Created");
        assertThat(created.locator(".history-user")).hasText(a);
        assertThat(created.locator("tr").filter(new Locator.FilterOptions().setHasText("Title")))
                .containsText("Quarterly budget");
        Locator reviewed = entries.nth(1);
        assertThat(reviewed.locator(".history-event")).hasText("Reviewed");
        assertThat(reviewed.locator(".history-user")).hasText(b);
        Locator stage = reviewed.locator("tr").filter(new Locator.FilterOptions().setHasText("Stage"));
        assertThat(stage.locator(".history-from")).hasText("pending");
        assertThat(stage.locator(".history-to")).hasText("reviewed");
        Locator conclusion = reviewed.locator("tr").filter(new Locator.FilterOptions().setHasText("Conclusion"));
        assertThat(conclusion.locator(".history-to")).hasText("Approved, go ahead.");
        pageA.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("memo-history.png"))
                .setFullPage(true));
    }

    @Test
    void pagesFitAPhoneAndTheNavbarTogglerWorks() {
        String a = api.newUser("phone");
        String b = api.newUser("recipient");
        long id = api.as(a, "POST", "/api/memos", Map.of("title",
                "A rather long memo title that must wrap on a phone instead of pushing the page sideways",
                "to", b, "description", "Text with a very long word: " + "x".repeat(120))).body().get("id").asLong();

        Page page = browser.signIn(a, 375, 740, true);
        for (String path : List.of("/", "/memos", "/memos/" + id, "/objects/" + id + "/history", "/memos/new")) {
            page.navigate(path);
            assertThat(page.locator("main")).isVisible();
            fitsTheWindow(page);
            if (path.equals("/memos/" + id)) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("memo-page-phone.png"))
                        .setFullPage(true));
            }
        }

        page.navigate("/memos");
        Locator signOut = button(page, "Sign out");
        assertThat(signOut).isHidden();
        button(page, "Show or hide the menu").click();
        assertThat(signOut).isVisible();
        assertThat(link(page, "Memos").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("memo-list-phone-menu.png")));
        button(page, "Show or hide the menu").click();
        assertThat(signOut).isHidden();
    }
}
