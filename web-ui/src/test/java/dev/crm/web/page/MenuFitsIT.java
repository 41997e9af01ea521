package dev.crm.web.page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;

import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The menu bar, with every kind a user may open (an admin's has the most, and Administration), fits a desk's and a
 * laptop's width: between Bootstrap's lg and xxl breakpoints it shows icons, each named for assistive technology and
 * by its title; from xxl the labels; below lg it folds behind the toggler.
 */
@CrmIntegrationTest
class MenuFitsIT extends BrowserFlowTest {

    @ParameterizedTest
    @CsvSource({"admin, 1024", "admin, 1280", "admin, 1440", "manager, 1280", "manager, 390"})
    void theMenuBarFitsTheWindow(String role, int width) {
        String user = role.equals("admin") ? "admin" : api.newUser("menu", role);
        Page page = browser.signIn(user, width, 900, true);
        fitsTheWindow(page);
        if (width >= 992) {
            // every kind reachable by name, whether its label shows or not
            assertThat(link(page, "Deals")).isVisible();
            assertThat(page.locator("#nav-deals")).hasAttribute("title", "Deals");
        }
        if (width < 992) {
            page.locator(".navbar-toggler").click();
            assertThat(page.locator("#nav-deals .nav-label")).isVisible();
        }
        // the label shows, or (between lg and xxl) is there for assistive technology only
        double labelWidth = ((Number) page.locator("#nav-deals .nav-label").evaluate(
                "e => e.getBoundingClientRect().width")).doubleValue();
        if (width >= 992 && width < 1400) {
            org.assertj.core.api.Assertions.assertThat(labelWidth).isLessThanOrEqualTo(1.0);
        } else {
            org.assertj.core.api.Assertions.assertThat(labelWidth).isGreaterThan(10.0);
        }
    }
}
