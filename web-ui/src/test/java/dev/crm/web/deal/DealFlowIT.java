package dev.crm.web.deal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A deal in a real browser, at desk and at phone width: made through the service (as a request's "create deal"),
 * moved through two stages on its form, a payment added from its page, closed as won; its page shows the stage
 * timeline with dates and users, its history every step with user and time.
 */
@CrmIntegrationTest
class DealFlowIT {

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

    @Test
    void aDealIsMovedPaidAndWonAtDeskWidth() {
        walk(1280, 900, "dflow");
    }

    @Test
    void aDealIsMovedPaidAndWonOnAPhone() {
        walk(390, 844, "dphone");
    }

    @Test
    void productLinesArePickedOnTheFormAtDeskWidth() {
        lines(1280, 900, "dlines");
    }

    @Test
    void productLinesArePickedOnTheFormOnAPhone() {
        lines(390, 844, "dlphone");
    }

    /**
     * The deal's form: a product and its quantity on the empty row, "Add a line" for a second one; its page lists them
     * with the product's price × the quantity; a row removed on the form is gone; history prints the lines by name.
     */
    private void lines(int width, int height, String prefix) {
        String manager = api.newUser(prefix, "manager");
        long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Lines " + System.nanoTime()))
                .body().get("id").asLong();
        api.as("admin", "PUT", "/api/users/" + manager + "/departments", Map.of("departments", java.util.List.of(department)));
        String mark = Long.toString(System.nanoTime());
        api.as(manager, "POST", "/api/products", Map.of("name", "Bolt " + mark, "price", 2.5, "currency", "EUR"));
        api.as(manager, "POST", "/api/products", Map.of("name", "Nut " + mark));
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Lines " + mark)).id();
        Page page = browser.signIn(manager, width, height, true);

        page.navigate("/deals/" + deal + "/edit");
        page.locator("#products-id-0").selectOption(new SelectOption().setLabel("Bolt " + mark));
        page.locator("#products-quantity-0").fill("4");
        button(page, "Add a line").click();
        page.locator("#products-id-1").selectOption(new SelectOption().setLabel("Nut " + mark));
        page.locator("#products-quantity-1").fill("2");
        fitsTheWindow(page);
        button(page, "Save changes").click();
        page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
        Locator lines = page.locator("#deal-products .lines-line");
        assertThat(lines).hasCount(2);
        assertThat(lines.nth(0)).containsText("Bolt " + mark);
        assertThat(lines.nth(0).locator(".lines-quantity")).hasText("\u00d7 4");
        assertThat(lines.nth(0).locator(".lines-note")).hasText("2.50 \u00d7 4 = 10.00 EUR");
        assertThat(lines.nth(1)).containsText("Nut " + mark);
        assertThat(lines.nth(1).locator(".lines-note")).hasCount(0);
        fitsTheWindow(page);

        page.navigate("/deals/" + deal + "/edit");
        Locator nut = page.locator("[data-lines-row]", new Page.LocatorOptions().setHas(
                page.locator("option[selected]", new Page.LocatorOptions().setHasText("Nut " + mark))));
        nut.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Remove this line")).click();
        assertThat(nut).hasCount(0);
        button(page, "Save changes").click();
        page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
        assertThat(lines).hasCount(1);
        assertThat(lines.nth(0)).containsText("Bolt " + mark);

        page.navigate("/objects/" + deal + "/history");
        assertThat(page.locator(".history-to .history-lines").last()).hasText("Bolt " + mark + " \u00d7 4");
        fitsTheWindow(page);
    }

    private void walk(int width, int height, String prefix) {
        String manager = api.newUser(prefix, "manager");
        String name = "Flow deal " + System.nanoTime();
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", name, "amount", 500,
                "currency", "EUR")).id();
        Page page = browser.signIn(manager, width, height, true);
        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-stage-badge")).hasText("Request");
        fitsTheWindow(page);

        for (String stage : new String[] {"Offer", "Negotiation"}) {
            page.navigate("/deals/" + deal + "/edit");
            page.getByLabel("Stage", new Page.GetByLabelOptions().setExact(true))
                    .selectOption(new SelectOption().setLabel(stage));
            fitsTheWindow(page);
            button(page, "Save changes").click();
            page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
            assertThat(page.locator("#deal-stage-badge")).hasText(stage);
        }

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

        page.getByLabel("Closing reason").selectOption(new SelectOption().setLabel("Won (success)"));
        fitsTheWindow(page);
        button(page, "Close").click();
        page.waitForURL(Pattern.compile(".*/deals/" + deal + "$"));
        assertThat(page.locator("#deal-stage-badge")).hasText("Closed");
        assertThat(page.locator("#deal-close")).hasCount(0);
        Locator steps = page.locator(".deal-step");
        assertThat(steps).hasCount(4);
        assertThat(page.locator(".deal-step-stage")).hasText(new String[] {"Request", "Offer", "Negotiation",
                "Closed"});
        assertThat(page.locator(".deal-step-by")).hasText(new String[] {manager, manager, manager, manager});
        for (int i = 0; i < 4; i++) {
            assertThat(steps.nth(i).locator("time")).not().isEmpty();
        }
        // the won deal keeps its payment
        assertThat(page.locator(".deal-payment")).hasCount(1);
        fitsTheWindow(page);

        // the lists show it with its stage, and its payment
        page.navigate("/deals");
        assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(name)).locator(".deal-stage"))
                .hasText("Closed");
        fitsTheWindow(page);
        page.navigate("/payments?deal=" + deal);
        assertThat(page.locator(".payment-deal")).hasText(name);
        fitsTheWindow(page);

        page.navigate("/objects/" + deal + "/history");
        assertThat(page.locator(".history-event")).hasText(new String[] {"Created", "Stage changed", "Stage changed",
                "Stage changed", "Closed"});
        assertThat(page.locator(".history-user")).hasText(new String[] {manager, manager, manager, manager, manager});
        Locator entries = page.locator(".history-entry");
        for (int i = 0; i < 5; i++) {
            assertThat(entries.nth(i).locator("time")).not().isEmpty();
        }
        fitsTheWindow(page);
    }
}
