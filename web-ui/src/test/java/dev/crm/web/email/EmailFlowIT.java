package dev.crm.web.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;

import com.microsoft.playwright.Page;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Writing an e-mail in a real browser, at desk and phone width: Write e-mail on a deal's page opens the compose form
 * with the deal given and To prefilled with its contact's address; saving it opens its page (the text escaped, with
 * its line breaks); Reply there opens a draft "Re: …" in the same conversation; the deal's page lists both, and the
 * outbox's Drafts tab shows them.
 */
@CrmIntegrationTest
class EmailFlowIT {

    @LocalServerPort
    int port;
    @Autowired
    DealService deals;
    Api api;
    BrowserSession browser;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        browser = new BrowserSession(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "390, 844"})
    void anEmailWrittenFromADealAndItsReply(int width, int height) {
        String manager = api.newUser("emflow", "manager");
        long company = api.as(manager, "POST", "/api/companies", Map.of("name", "Flow Mail Ltd")).body().get("id")
                .asLong();
        long contact = api.as(manager, "POST", "/api/contacts", Map.of("lastName", "Reader", "company", company,
                "email", "reader@flowmail.test")).body().get("id").asLong();
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Mailed deal", "contact", contact))
                .id();

        Page page = browser.signIn(manager, width, height, true);
        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-emails")).containsText("No e-mails written from this deal that you may see.");
        fitsTheWindow(page);
        assertThat(tooltipOf(page, page.locator("#deal-new-email"))).containsText("Write a draft from this deal");
        page.locator("#deal-new-email").click();
        assertThat(page.locator("#deal-fixed")).hasText("Mailed deal");
        assertThat(page.locator("#to")).hasValue("reader@flowmail.test");
        assertThat(page.locator("#request")).hasCount(0);
        fitsTheWindow(page);
        page.locator("#subject").fill("Your <offer>");
        page.locator("#body").fill("Dear Reader,\n<b>here</b> it is.");
        button(page, "Save draft").click();
        page.waitForURL(Pattern.compile(".*/emails/\\d+$"));
        long email = Long.parseLong(page.url().replaceAll(".*/emails/", ""));
        assertThat(page.locator("#email-title")).containsText("Your <offer>");
        assertThat(page.locator("#email-body")).hasText("Dear Reader,\n<b>here</b> it is.");
        assertThat(page.locator("#email-body b")).hasCount(0);
        assertThat(page.locator("#email-to")).hasText("reader@flowmail.test");
        assertThat(page.locator(".email-status").first()).hasText("Draft");
        fitsTheWindow(page);

        // Send, with its tooltip; without a main mail account it stays a draft and the warning names the fix
        assertThat(tooltipOf(page, page.locator("#email-send"))).containsText("main mail account");
        page.locator("#email-send").click();
        assertThat(page.locator(".alert", new Page.LocatorOptions().setHasText("no main mail account"))).hasCount(1);
        assertThat(page.locator(".email-status").first()).hasText("Draft");

        assertThat(tooltipOf(page, page.locator("#email-reply"))).containsText("Write a draft answering this e-mail");
        page.locator("#email-reply").click();
        page.waitForURL(Pattern.compile(".*/emails/(?!" + email + "$)\\d+$"));
        assertThat(page.locator(".alert[role=status]")).containsText("saved as a draft");
        assertThat(page.locator("#email-title")).containsText("Re: Your <offer>");
        assertThat(page.locator("#email-to")).hasText("reader@flowmail.test");
        assertThat(page.locator("#email-inReplyTo")).containsText("ID " + email);
        fitsTheWindow(page);

        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-emails .deal-email")).hasCount(2);
        fitsTheWindow(page);
        page.navigate("/emails?deal=" + deal);
        assertThat(page.locator("#email-tab-queued")).hasText("Outbox");
        assertThat(page.locator("#email-tab-sent")).hasText("Sent");
        assertThat(page.locator("#email-tab-failed")).hasText("Failed");
        page.locator("#email-tab-draft").click();
        page.waitForURL(Pattern.compile(".*status=draft.*"));
        assertThat(page.locator(".email-row")).hasCount(2);
        fitsTheWindow(page);
    }
}
