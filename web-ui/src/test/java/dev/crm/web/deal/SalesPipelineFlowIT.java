package dev.crm.web.deal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sales pipeline in a real browser, at desk and at phone width (issue 14's flow): a request arrives (through the
 * API, as a web form would send it) from an address on an existing company's website domain; its page links that
 * company and says verification is required; its products are chosen on its form; Create deal lands on the new
 * deal's page with those products as lines; the lines are edited on the deal's form (a quantity, a line removed, one
 * added, the page showing price × quantity); the deal is moved through two
 * stages on its form, a payment is added from its page, and it is closed as won. The deal page shows the stage
 * timeline with dates and users; the deal's history shows every step with user and time, readable values (stage
 * names, not IDs) and the request that caused it; the request's history shows the deal it made.
 */
@CrmIntegrationTest
class SalesPipelineFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");


    @ParameterizedTest
    @CsvSource({"desk, 1280, 900", "phone, 390, 844"})
    void aRequestBecomesADealThatIsMovedPaidAndWon(String name, int width, int height) {
        String manager = api.newUser("pipe" + name.charAt(0), "manager");
        String u = Long.toString(System.nanoTime(), 36);
        // the manager's department, whose products the forms offer
        long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Orbit " + u)).body()
                .get("id").asLong();
        api.as("admin", "PUT", "/api/users/" + manager + "/departments", Map.of("departments", List.of(department)));
        api.as(manager, "POST", "/api/products", Map.of("name", "Gear " + u, "price", 2.5, "currency", "EUR"));
        api.as(manager, "POST", "/api/products", Map.of("name", "Axle " + u));
        api.as(manager, "POST", "/api/products", Map.of("name", "Pin " + u));
        long company = api.as(manager, "POST", "/api/companies", Map.of("name", "Orbit " + u,
                "website", "https://www.orbit-" + u + ".test")).body().get("id").asLong();
        long request = api.as(manager, "POST", "/api/requests", Map.of("subject", "Quote " + u, "firstName", "Ola",
                "lastName", "Berg", "email", "ola@orbit-" + u + ".test")).body().get("id").asLong();

        Page page = browser.signIn(manager, width, height, true);

        // the request, matched to the existing company
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
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pipeline-request-" + name + ".png"))
                .setFullPage(true));

        // its products, chosen on its form, listed on its page
        page.navigate("/requests/" + request + "/edit");
        page.locator("#products").selectOption(new SelectOption[] {new SelectOption().setLabel("Gear " + u),
                new SelectOption().setLabel("Axle " + u)});
        fitsTheWindow(page);
        button(page, "Save changes").click();
        page.waitForURL(Pattern.compile(".*/requests/" + request + "$"));
        assertThat(page.locator("#request-products .lines-line")).hasText(new String[] {"Gear " + u, "Axle " + u});

        // create deal
        button(page, "Create deal").click();
        page.waitForURL(Pattern.compile(".*/deals/\\d+$"));
        long deal = Long.parseLong(page.url().replaceAll(".*/deals/", ""));
        assertThat(page.locator(".alert-success[role=status]")).containsText("was made from request");
        assertThat(page.locator("#deal-title")).hasText("Quote " + u);
        assertThat(page.locator("#deal-stage-badge")).hasText("Request");
        // the request's products are the deal's lines, one of each
        Locator lines = page.locator("#deal-products .lines-line");
        assertThat(lines).hasCount(2);
        assertThat(page.locator("#deal-products .lines-quantity")).hasText(new String[] {"\u00d7 1", "\u00d7 1"});
        fitsTheWindow(page);

        page.navigate("/requests/" + request);
        assertThat(page.locator("#request-deal a")).containsText("ID " + deal);
        assertThat(page.locator("#request-create-deal")).hasCount(0);
        assertThat(page.locator("#request-pending-badge")).hasCount(0);
        assertThat(page.locator("#request-contact a")).containsText("Ola Berg");
        assertThat(link(page, "Edit")).hasCount(1);
        fitsTheWindow(page);

        // its lines on its form: a quantity changed, a line removed, one added
        page.navigate("/deals/" + deal + "/edit");
        page.locator("#products-quantity-0").fill("4");
        page.locator("[data-lines-row]", new Page.LocatorOptions().setHas(page.locator("option[selected]",
                        new Page.LocatorOptions().setHasText("Axle " + u))))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this line")).click();
        assertThat(page.locator("option[selected]", new Page.LocatorOptions().setHasText("Axle " + u))).hasCount(0);
        button(page, "Add a line").click();
        page.locator("#products-id-3").selectOption(new SelectOption().setLabel("Pin " + u));
        page.locator("#products-quantity-3").fill("3");
        fitsTheWindow(page);
        button(page, "Save changes").click();
        page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
        assertThat(lines).hasCount(2);
        assertThat(lines.nth(0)).containsText("Gear " + u);
        assertThat(lines.nth(0).locator(".lines-quantity")).hasText("\u00d7 4");
        assertThat(lines.nth(0).locator(".lines-note")).hasText("2.50 \u00d7 4 = 10.00 EUR");
        assertThat(lines.nth(1)).containsText("Pin " + u);
        assertThat(lines.nth(1).locator(".lines-quantity")).hasText("\u00d7 3");
        assertThat(lines.nth(1).locator(".lines-note")).hasCount(0);

        // move it through two stages on its form
        for (String stage : new String[] {"Offer", "Negotiation"}) {
            page.navigate("/deals/" + deal + "/edit");
            page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel(stage));
            fitsTheWindow(page);
            button(page, "Save changes").click();
            page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
            assertThat(page.locator("#deal-stage-badge")).hasText(stage);
        }

        // a payment from its page
        link(page, "New payment").click();
        page.getByLabel("Amount").fill("250.50");
        page.getByLabel("Currency").fill("EUR");
        page.getByLabel("Status").selectOption("guaranteed");
        fitsTheWindow(page);
        button(page, "Create payment").click();
        page.waitForURL(Pattern.compile(".*/payments/\\d+$"));
        page.navigate("/deals/" + deal);
        assertThat(page.locator(".deal-payment")).hasCount(1);
        assertThat(page.locator(".deal-payment")).containsText("Guaranteed");

        // closed as won
        page.getByLabel("Closing reason").selectOption(new SelectOption().setLabel("Won (success)"));
        fitsTheWindow(page);
        button(page, "Close").click();
        page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
        assertThat(page.locator("#deal-stage-badge")).hasText("Closed");
        assertThat(page.locator("#deal-close")).hasCount(0);
        assertThat(lines).hasCount(2);
        Locator steps = page.locator(".deal-step");
        assertThat(steps).hasCount(4);
        assertThat(page.locator(".deal-step-stage")).hasText(new String[] {"Request", "Offer", "Negotiation",
                "Closed"});
        assertThat(page.locator(".deal-step-by")).hasText(new String[] {manager, manager, manager, manager});
        for (int i = 0; i < 4; i++) {
            assertThat(steps.nth(i).locator("time")).not().isEmpty();
        }
        assertThat(page.locator(".deal-payment")).hasCount(1); // a won deal keeps its payments
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pipeline-deal-" + name + ".png"))
                .setFullPage(true));

        // the lists show it with its stage, and its payment
        page.navigate("/deals");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText("Quote " + u)).locator(".deal-stage"))
                .hasText("Closed");
        fitsTheWindow(page);
        page.navigate("/payments?deal=" + deal);
        assertThat(page.locator(".payment-deal")).hasText("Quote " + u);
        fitsTheWindow(page);

        // the deal's history: every step, with user and time, caused by the request, stages by name
        page.navigate("/objects/" + deal + "/history");
        assertThat(page.locator(".history-event")).hasText(new String[] {"Created", "Changed", "Stage changed",
                "Stage changed", "Stage changed", "Closed"});
        assertThat(page.locator(".history-user")).hasText(new String[] {manager, manager, manager, manager, manager,
                manager});
        Locator entries = page.locator(".history-entry");
        for (int i = 0; i < 6; i++) {
            assertThat(entries.nth(i).locator(".card-header time")).not().isEmpty();
        }
        assertThat(entries.nth(0).locator(".history-caused-by")).containsText(Long.toString(request));
        assertThat(entries.nth(0).locator(".history-to .history-lines")).hasText("Gear " + u + " \u00d7 1, Axle " + u
                + " \u00d7 1");
        assertThat(entries.nth(1).locator(".history-to .history-lines")).hasText("Gear " + u + " \u00d7 4, Pin " + u
                + " \u00d7 3");
        assertThat(entries.nth(2).locator(".history-from")).containsText("Request");
        assertThat(entries.nth(2).locator(".history-to")).containsText("Offer");
        // closing: the reason by its name, the closing time as a time (not an ISO string)
        assertThat(entries.nth(5).locator(".history-to .history-reference")).containsText("Won");
        assertThat(entries.nth(5).locator(".history-to time")).hasCount(1);
        assertThat(entries.nth(5).locator(".history-to time")).not().containsText("T");
        assertThat(entries.nth(5)).not().containsText("true");
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pipeline-history-" + name + ".png"))
                .setFullPage(true));

        // the request's history shows that it was matched and made the deal
        page.navigate("/objects/" + request + "/history");
        assertThat(page.locator(".history-event")).containsText(new String[] {"Created", "Matched automatically",
                "Deal created"});
        assertThat(page.locator(".history-entry", new Page.LocatorOptions().setHasText("Matched automatically")))
                .containsText("Orbit " + u);
        assertThat(page.url()).endsWith("/objects/" + request + "/history");
        fitsTheWindow(page);
    }
}
