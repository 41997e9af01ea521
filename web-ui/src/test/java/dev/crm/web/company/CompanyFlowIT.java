package dev.crm.web.company;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Companies and contacts in a real browser: a manager adds a company through the form (a bad e-mail is refused
 * under its field), adds a contact to it from the company's page, finds both in the lists and the contact on the
 * company's page, and deletes the company after its confirmation page lists the contact.
 */
@CrmIntegrationTest
class CompanyFlowIT extends BrowserFlowTest {


    @Test
    void aManagerCreatesACompanyAndAContactThroughThePages() {
        String manager = api.newUser("flowmgr", "manager");
        String name = "Flow Works " + System.nanoTime();
        Page page = browser.signIn(manager, 1280, 900, true);
        link(page, "Companies").first().click();
        link(page, "New company").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("E-mail").fill("not an address");
        page.getByLabel("City").fill("Lyon");
        page.getByLabel("Tags").fill("b2b, eu");
        button(page, "Create company").click();
        assertThat(page.locator("#email-error")).containsText("e-mail address");
        assertThat(page.getByLabel("City")).hasValue("Lyon");
        page.getByLabel("E-mail").fill("hello@flow.test");
        button(page, "Create company").click();
        page.waitForURL(Pattern.compile(".*/companies/\\d+$"));
        long company = Long.parseLong(page.url().replaceAll(".*/companies/", ""));
        assertThat(page.locator("#company-title")).hasText(name);
        assertThat(page.locator("#company-email")).hasText("hello@flow.test");
        assertThat(page.locator("#company-city")).hasText("Lyon");
        assertThat(page.locator("#company-contacts")).containsText("No contacts yet.");

        // a contact for it, from its page
        link(page, "New contact").click();
        assertThat(page.locator("#company-fixed")).hasText(name);
        page.getByLabel("First name").fill("Ada");
        page.getByLabel("Last name").fill("Flow");
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).fill("+33 4 12 34 56");
        button(page, "Create contact").click();
        page.waitForURL(Pattern.compile(".*/contacts/\\d+$"));
        long contact = Long.parseLong(page.url().replaceAll(".*/contacts/", ""));
        assertThat(page.locator("#contact-title")).hasText("Ada Flow");
        assertThat(page.locator("#contact-company")).containsText(name);
        assertThat(page.locator("#contact-owner")).hasText(manager);

        // the company's page lists it, and the lists find both
        page.locator("#contact-company a").click();
        page.waitForURL("**/companies/" + company);
        assertThat(page.locator(".company-contact")).containsText("Ada Flow");
        String base = page.url().replaceAll("^(https?://[^/]+).*$", "$1");
        link(page, "All its contacts").click();
        assertThat(page.locator(".contact-row")).hasCount(1);
        assertThat(page.locator(".contact-company")).containsText(name);
        page.navigate(base + "/companies?q=hello%40flow.test");
        assertThat(page.locator(".company-row")).hasCount(1);

        // the history of the contact, then the company's delete, confirmed on a page that lists the contact
        page.navigate(base + "/objects/" + contact + "/history");
        assertThat(page.locator(".history-event").first()).hasText("Created");
        // a transfer of the company reaches the contact: its history names the company as the cause
        String other = api.newUser("flowother", "manager");
        page.navigate(base + "/companies/" + company);
        page.getByLabel("New owner").selectOption(other);
        button(page, "Give to").click();
        assertThat(page.locator("#company-owner")).hasText(other);
        page.navigate(base + "/objects/" + contact + "/history");
        assertThat(page.locator(".history-caused-by")).hasText("Caused by ID " + company);
        assertThat(page.locator(".history-event").last()).hasText("Owner changed with the company");
        page.navigate(base + "/companies/" + company);
        assertThat(page.locator("#company-department")).hasText("—");
        assertThat(link(page, "Edit")).hasCount(0);
        Page otherPage = browser.signIn(other, 1280, 900, true);
        otherPage.navigate(base + "/companies/" + company);
        link(otherPage, "Delete").click();
        page = otherPage;
        assertThat(page.locator("body")).containsText("Ada Flow");
        button(page, "Delete for good").click();
        page.waitForURL("**/companies");
        assertThat(api.as(other, "GET", "/api/contacts/" + contact, null).status()).isEqualTo(404);
    }

    @Test
    void aContactMovesToAnotherCompanyFromItsForm() {
        String manager = api.newUser("movemgr", "manager");
        long from = api.as(manager, "POST", "/api/companies", Map.of("name", "Move From " + System.nanoTime())).body()
                .get("id").asLong();
        long to = api.as(manager, "POST", "/api/companies", Map.of("name", "Move To " + System.nanoTime())).body()
                .get("id").asLong();
        long contact = api.as(manager, "POST", "/api/contacts", Map.of("company", from, "firstName", "Moe",
                "lastName", "Ving")).body().get("id").asLong();
        Page page = browser.signIn(manager, 1280, 900, true);
        String base = page.url().replaceAll("^(https?://[^/]+).*$", "$1");
        page.navigate(base + "/contacts/" + contact + "/edit");
        assertThat(page.getByLabel("Company")).hasValue(Long.toString(from));
        assertThat(page.locator("#contact-form")).containsText("choosing another company moves it there");
        page.getByLabel("Company").selectOption(Long.toString(to));
        button(page, "Save changes").click();
        page.waitForURL("**/contacts/" + contact);
        assertThat(page.locator("#contact-company")).containsText("Move To");
        assertThat(api.as(manager, "GET", "/api/contacts/" + contact, null).body().get("company").asLong())
                .isEqualTo(to);
        page.navigate(base + "/objects/" + contact + "/history");
        assertThat(page.locator(".history-event").last())
                .hasText("Moved to another company, with its owner and department");
    }
}
