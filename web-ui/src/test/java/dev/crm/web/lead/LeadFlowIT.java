package dev.crm.web.lead;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Leads in a real browser: a manager adds a lead through the form, converts it from its page after the confirmation
 * page says what will be made (or found), and lands on the new contact, whose company is the new (or found) one; the
 * lead's page then shows it converted, with links to both and no way to change it. At desk and phone width.
 */
@CrmIntegrationTest
class LeadFlowIT extends BrowserFlowTest {

    static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target/screenshots");


    @Test
    void aManagerAddsALeadAndConvertsItIntoANewCompanyAtDeskWidth() {
        String manager = api.newUser("leadflow", "manager");
        String u = Long.toString(System.nanoTime(), 36);
        String companyName = "Lumen " + u + " AG";
        Page page = browser.signIn(manager, 1280, 900, true);
        link(page, "Leads").first().click();
        link(page, "New lead").click();
        page.getByLabel("First name").fill("Lea");
        page.getByLabel("Last name").fill("Lumen");
        page.getByLabel("Company name").fill(companyName);
        page.getByLabel("E-mail").fill("not an address");
        page.getByLabel("City").fill("Zurich");
        page.getByLabel("Source").selectOption(new SelectOption().setLabel("Referral"));
        button(page, "Create lead").click();
        assertThat(page.locator("#email-error")).containsText("e-mail address");
        assertThat(page.getByLabel("City")).hasValue("Zurich");
        page.getByLabel("E-mail").fill("lea@lumen-" + u + ".test");
        button(page, "Create lead").click();
        page.waitForURL(Pattern.compile(".*/leads/\\d+$"));
        long lead = Long.parseLong(page.url().replaceAll(".*/leads/", ""));
        assertThat(page.locator("#lead-title")).hasText("Lea Lumen " + companyName);
        assertThat(page.locator("#lead-source")).containsText("Referral");
        assertThat(page.locator("#lead-conversion")).containsText("Not converted yet");
        // a reference without a value is not shown, and every label has its value
        assertThat(page.locator("#lead-company")).hasCount(0);
        assertThat(page.locator("article dl > dt")).hasCount(page.locator("article dl > dd").count());
        assertThat(tooltipOf(page, page.locator("#lead-convert"))).containsText("Convert this lead");
        fitsTheWindow(page);

        // Convert: the confirmation page says what will be made
        link(page, "Convert").click();
        page.waitForURL("**/leads/" + lead + "/convert");
        assertThat(page.locator("#lead-convert-new-company")).hasText(companyName);
        assertThat(page.locator("#lead-convert-new-contact")).hasText("Lea Lumen");
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lead-convert-desk.png"))
                .setFullPage(true));
        button(page, "Convert").click();
        page.waitForURL(Pattern.compile(".*/contacts/\\d+$"));
        long contact = Long.parseLong(page.url().replaceAll(".*/contacts/", ""));
        assertThat(page.locator(".alert-success[role=status]")).containsText("was converted");
        assertThat(page.locator("#contact-title")).hasText("Lea Lumen");
        assertThat(page.locator("#contact-company")).containsText(companyName);
        assertThat(page.locator("#contact-owner")).hasText(manager);

        // the lead: converted, linking to its company and contact, no longer editable or convertible
        page.navigate("/leads/" + lead);
        assertThat(page.locator("#lead-converted-badge")).hasText("Converted");
        assertThat(page.locator("#lead-converted-contact")).containsText("Lea Lumen");
        assertThat(page.locator("#lead-converted-company")).containsText(companyName);
        assertThat(link(page, "Edit")).hasCount(0);
        assertThat(page.locator("#lead-convert")).hasCount(0);
        assertThat(page.locator("#lead-company")).containsText(companyName);
        assertThat(page.locator("article dl > dt")).hasCount(page.locator("article dl > dd").count());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lead-converted-desk.png"))
                .setFullPage(true));
        page.locator("#lead-converted-company").click();
        page.waitForURL(Pattern.compile(".*/companies/\\d+$"));
        assertThat(page.locator("#company-title")).hasText(companyName);
        assertThat(page.locator(".company-contact")).containsText("Lea Lumen");
        long company = Long.parseLong(page.url().replaceAll(".*/companies/", ""));
        // the company's history shows its creation caused by the lead
        page.navigate("/objects/" + company + "/history");
        assertThat(page.locator(".history-caused-by")).hasText("Caused by ID " + lead);
        page.navigate("/objects/" + lead + "/history");
        assertThat(page.locator(".history-event").last()).hasText("Converted");
        page.navigate("/leads?q=" + u);
        assertThat(page.locator(".lead-row")).hasCount(1);
        assertThat(page.locator(".lead-row .lead-converted")).hasText("Converted");
        assertThat(contact).isPositive();
    }

    @Test
    void aManagerConvertsALeadIntoTheCompanyItMatchesOnAPhone() {
        String manager = api.newUser("leadphone", "manager");
        String u = Long.toString(System.nanoTime(), 36);
        long company = api.as(manager, "POST", "/api/companies", Map.of("name", "Harbor " + u,
                "website", "https://harbor-" + u + ".test")).body().get("id").asLong();
        Page page = browser.signIn(manager, 390, 844, true);
        page.navigate("/leads");
        fitsTheWindow(page);
        link(page, "New lead").click();
        page.getByLabel("Last name").fill("Quay");
        page.getByLabel("E-mail").fill("q@harbor-" + u + ".test");
        fitsTheWindow(page);
        button(page, "Create lead").click();
        page.waitForURL(Pattern.compile(".*/leads/\\d+$"));
        long lead = Long.parseLong(page.url().replaceAll(".*/leads/", ""));
        fitsTheWindow(page);

        link(page, "Convert").click();
        page.waitForURL("**/leads/" + lead + "/convert");
        assertThat(page.locator("#lead-convert-matches li")).hasCount(1);
        assertThat(page.locator("#lead-convert-matches")).containsText("Harbor " + u);
        assertThat(page.locator("#lead-convert-new-company")).hasCount(0);
        fitsTheWindow(page);
        button(page, "Convert").click();
        page.waitForURL(Pattern.compile(".*/contacts/\\d+$"));
        assertThat(page.locator("#contact-title")).hasText("Quay");
        assertThat(page.locator("#contact-company a")).hasText("ID " + company + " · Harbor " + u);
        fitsTheWindow(page);
        page.navigate("/leads/" + lead);
        assertThat(page.locator("#lead-converted-company")).containsText("Harbor " + u);
        fitsTheWindow(page);

        // the matched company has a contact with the lead's e-mail: the confirmation names it, the conversion takes it
        long pat = api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName", "Pat",
                "email", "pat@harbor-" + u + ".test")).body().get("id").asLong();
        long patLead = api.as(manager, "POST", "/api/leads", Map.of("lastName", "Pat", "email",
                "Pat@Harbor-" + u + ".test")).body().get("id").asLong();
        page.navigate("/leads/" + patLead + "/convert");
        assertThat(page.locator("#lead-convert-found-contact")).hasText("ID " + pat + " · Pat");
        assertThat(page.locator("#lead-convert-new-contact")).hasCount(0);
        fitsTheWindow(page);
        button(page, "Convert").click();
        page.waitForURL("**/contacts/" + pat);
        assertThat(page.locator(".alert-success[role=status]")).containsText("already had");

        // two companies of one name: the confirmation says why it cannot convert, and offers no button
        for (String name : java.util.List.of("Twin " + u, "TWIN " + u)) {
            assertThat(api.as(manager, "POST", "/api/companies", Map.of("name", name)).status()).isEqualTo(201);
        }
        long twin = api.as(manager, "POST", "/api/leads", Map.of("firstName", "Tom", "companyName", "twin " + u))
                .body().get("id").asLong();
        page.navigate("/leads/" + twin);
        link(page, "Convert").click();
        page.waitForURL("**/leads/" + twin + "/convert");
        assertThat(page.locator("#lead-convert-ambiguous")).containsText("2 companies match");
        assertThat(page.locator("#lead-convert-matches li")).hasCount(2);
        assertThat(button(page, "Convert")).hasCount(0);
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("lead-ambiguous-phone.png"))
                .setFullPage(true));
    }
}
