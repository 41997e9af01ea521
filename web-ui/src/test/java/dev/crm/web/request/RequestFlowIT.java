package dev.crm.web.request;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests in a real browser: a request arrives (through the API) from an address on an existing company's website
 * domain; its page links that company and says verification is required; Create deal lands on the new deal's page,
 * and the request then shows its deal. At desk and phone width.
 */
@CrmIntegrationTest
class RequestFlowIT {

    static final java.nio.file.Path SCREENSHOTS = java.nio.file.Path.of("target/screenshots");

    @LocalServerPort
    int port;
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
    @CsvSource({"desk, 1280, 900", "phone, 390, 844"})
    void aRequestMatchedToACompanyMakesADeal(String name, int width, int height) {
        String manager = api.newUser("reqflow", "manager");
        String u = Long.toString(System.nanoTime(), 36);
        long company = api.as(manager, "POST", "/api/companies", Map.of("name", "Orbit " + u,
                "website", "https://www.orbit-" + u + ".test")).body().get("id").asLong();
        long request = api.as(manager, "POST", "/api/requests", Map.of("subject", "Quote " + u, "firstName", "Ola",
                "lastName", "Berg", "email", "ola@orbit-" + u + ".test")).body().get("id").asLong();
        // products of the manager's department, which the request's form offers
        long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Orbit " + u)).body()
                .get("id").asLong();
        api.as("admin", "PUT", "/api/users/" + manager + "/departments", Map.of("departments",
                java.util.List.of(department)));
        api.as(manager, "POST", "/api/products", Map.of("name", "Gear " + u));
        api.as(manager, "POST", "/api/products", Map.of("name", "Axle " + u));

        Page page = browser.signIn(manager, width, height, true);
        page.navigate("/requests?pending=true&q=" + u);
        assertThat(page.locator(".request-row")).hasCount(1);
        assertThat(page.locator(".request-row .request-verify")).hasText("Verification required");
        fitsTheWindow(page);
        page.navigate("/requests/" + request);
        assertThat(page.locator("#request-title")).hasText("Quote " + u);
        assertThat(page.locator("#request-verification-badge")).hasText("Verification required");
        assertThat(page.locator("#request-company a")).hasText("ID " + company + " · Orbit " + u);
        assertThat(tooltipOf(page, page.locator("#request-create-deal"))).containsText("Make a deal");
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("request-" + name + ".png"))
                .setFullPage(true));

        // its products, chosen on its form, listed on its page
        page.navigate("/requests/" + request + "/edit");
        page.locator("#products").selectOption(new com.microsoft.playwright.options.SelectOption[] {
                new com.microsoft.playwright.options.SelectOption().setLabel("Gear " + u),
                new com.microsoft.playwright.options.SelectOption().setLabel("Axle " + u)});
        fitsTheWindow(page);
        button(page, "Save changes").click();
        page.waitForURL(Pattern.compile(".*/requests/" + request + "$"));
        assertThat(page.locator("#request-products .lines-line")).hasText(new String[] {"Gear " + u, "Axle " + u});

        button(page, "Create deal").click();
        page.waitForURL(Pattern.compile(".*/deals/\\d+$"));
        long deal = Long.parseLong(page.url().replaceAll(".*/deals/", ""));
        assertThat(page.locator(".alert-success[role=status]")).containsText("was made from request");
        assertThat(page.locator("#deal-title")).hasText("Quote " + u);
        // the request's products are the deal's lines, one of each
        assertThat(page.locator("#deal-products .lines-line")).hasCount(2);
        assertThat(page.locator("#deal-products .lines-quantity")).hasText(new String[] {"\u00d7 1", "\u00d7 1"});
        fitsTheWindow(page);

        page.navigate("/requests/" + request);
        assertThat(page.locator("#request-deal a")).containsText("ID " + deal);
        assertThat(page.locator("#request-create-deal")).hasCount(0);
        assertThat(page.locator("#request-pending-badge")).hasCount(0);
        // the contact made in the company is linked too
        assertThat(page.locator("#request-contact a")).containsText("Ola Berg");
        assertThat(link(page, "Edit")).hasCount(1);
        fitsTheWindow(page);
    }
}
