package dev.crm.web.product;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;

import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Products in a real browser, at desk and at phone width: a manager adds a product through the form (a price with
 * three decimals is refused under its field, what was typed kept), sees it on its page and in the list.
 */
@CrmIntegrationTest
class ProductFlowIT extends BrowserFlowTest {


    @Test
    void aManagerAddsAProductAtDeskWidth() {
        String manager = api.newUser("pflow", "manager");
        Page page = browser.signIn(manager, 1280, 900, true);
        link(page, "Products").first().click();
        addAndFind(page, "Flow Widget " + System.nanoTime());
    }

    @Test
    void aManagerAddsAProductOnAPhone() {
        String manager = api.newUser("pphone", "manager");
        Page page = browser.signIn(manager, 390, 844, true);
        page.navigate("/products");
        fitsTheWindow(page);
        addAndFind(page, "Phone Widget " + System.nanoTime());
    }

    private static void addAndFind(Page page, String name) {
        link(page, "New product").click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true)).selectOption("service");
        page.getByLabel("Price").fill("1.234");
        page.getByLabel("Currency").fill("EUR");
        page.getByLabel("Category").fill("Consulting");
        assertThat(page.getByLabel("On sale")).isChecked();
        fitsTheWindow(page);
        button(page, "Create product").click();
        assertThat(page.locator("#price-error")).containsText("digits after the decimal point");
        assertThat(page.getByLabel("Price")).hasValue("1.234");
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true))).hasValue(name);
        assertThat(page.getByLabel("Type", new Page.GetByLabelOptions().setExact(true))).hasValue("service");
        assertThat(page.getByLabel("On sale")).isChecked();
        fitsTheWindow(page);
        page.getByLabel("Price").fill("1234.5");
        button(page, "Create product").click();
        page.waitForURL(Pattern.compile(".*/products/\\d+$"));
        assertThat(page.locator("#product-title")).hasText(name);
        assertThat(page.locator("#product-type")).hasText("Service");
        assertThat(page.locator("#product-price")).hasText("1234.5");
        assertThat(page.locator("#product-currency")).hasText("EUR");
        assertThat(page.locator("#product-onSale")).hasText("Yes");
        fitsTheWindow(page);

        // unchecked on the edit form: no longer on sale
        link(page, "Edit").click();
        page.getByLabel("On sale").uncheck();
        button(page, "Save changes").click();
        page.waitForURL(Pattern.compile(".*/products/\\d+$"));
        assertThat(page.locator("#product-onSale")).hasText("No");

        page.navigate("/products?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(page.locator(".product-row")).hasCount(1);
        assertThat(page.locator(".product-row .product-price")).hasText("1,234.50 EUR");
        assertThat(page.locator(".product-row")).containsText("Consulting");
        assertThat(page.locator(".product-row .product-type")).hasText("Service");
        fitsTheWindow(page);
        // the list's own filters: goods only leave it out
        page.navigate("/products?type=goods&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(page.locator(".product-row")).hasCount(0);
    }
}
