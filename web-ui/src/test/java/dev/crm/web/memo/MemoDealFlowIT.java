package dev.crm.web.memo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;

import com.microsoft.playwright.Page;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deal's memos in a real browser at phone width: New memo on the deal's page writes a memo about the deal, the
 * memo's page links back to it, the deal lists it, and deleting the deal announces and takes it.
 */
@CrmIntegrationTest
class MemoDealFlowIT extends BrowserFlowTest {

    @Autowired
    DealService deals;

    @Test
    void aMemoWrittenFromItsDealsPageIsListedThereAndGoesWithTheDeal() {
        String manager = api.newUser("mdfown", "manager");
        String colleague = api.newUser("mdfcol");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Phone order")).id();

        Page page = browser.signIn(manager, 390, 844, true);
        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-memos")).containsText("No memos about this deal that you may see.");
        fitsTheWindow(page);
        assertThat(tooltipOf(page, page.locator("#deal-new-memo"))).containsText("Write a memo about this deal");
        page.locator("#deal-new-memo").click();
        assertThat(page.locator("#memo-deal-fixed")).hasText("ID " + deal + " · Phone order");
        fitsTheWindow(page);
        page.getByLabel("Title").fill("Call about the phone order");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).selectOption(colleague);
        button(page, "Create memo").click();
        page.waitForURL(Pattern.compile(".*/memos/\\d+$"));
        long memo = Long.parseLong(page.url().replaceAll(".*/memos/", ""));
        assertThat(page.locator("#memo-deal")).hasText("ID " + deal + " · Phone order");
        fitsTheWindow(page);

        page.locator("#memo-deal a").click();
        page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
        assertThat(page.locator("#deal-memos .deal-memo")).hasCount(1);
        assertThat(link(page, "Call about the phone order")).isVisible();
        fitsTheWindow(page);

        link(page, "Delete").click();
        assertThat(page.locator("main")).containsText("ID " + memo);
        assertThat(page.locator("main")).containsText("Call about the phone order");
        fitsTheWindow(page);
        button(page, "Delete for good").click();
        page.waitForURL(Pattern.compile(".*/deals$"));
        page.navigate("/memos/" + memo);
        assertThat(page.locator("#error-reason")).isVisible();
    }
}
