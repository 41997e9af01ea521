package dev.crm.web.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSupport;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 in Chromium, at a desk's and a phone's width: an English user signs in (their browser's time zone becomes
 * theirs), switches to German on "My settings" (from their name in the bar), and the next pages are German (home, a
 * list, the help); a German browser gets the sign-in page in German.
 */
@CrmIntegrationTest
class LanguageFlowIT {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    Api api;
    final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void close() {
        contexts.forEach(BrowserContext::close);
    }

    private Page open(String locale, String timeZone, int width, int height) {
        BrowserContext context = BrowserSupport.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port).setViewportSize(width, height).setLocale(locale)
                .setTimezoneId(timeZone).setReducedMotion(ReducedMotion.REDUCE));
        contexts.add(context);
        return context.newPage();
    }

    @Test
    void anEnglishUserSwitchesToGermanOnADesk() {
        switchToGerman(1280, 900, "desk");
    }

    @Test
    void anEnglishUserSwitchesToGermanOnAPhone() {
        switchToGerman(375, 740, "phone");
    }

    private void switchToGerman(int width, int height, String device) {
        String user = api.newUser("sprache");
        api.as(user, "POST", "/api/memos", Map.of("title", "Ein Memo", "to", user));
        Page page = open("en-US", "America/New_York", width, height);
        page.navigate("/login");
        assertThat(page.locator("h1")).hasText("Sign in to the CRM");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(Api.PASSWORD);
        button(page, "Sign in").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        // the browser's zone became the user's at this first sign-in
        org.assertj.core.api.Assertions.assertThat(api.as(user, "GET", "/api/me", null).body().get("timeZone").asText())
                .isEqualTo("America/New_York");

        if (width < 992) {
            button(page, "Show or hide the menu").click();
        }
        page.locator("#nav-settings").click();
        assertThat(page.locator("h1")).hasText("My settings");
        assertThat(page.getByLabel("Time zone")).hasValue("America/New_York");
        page.getByLabel("Language").selectOption("de");
        page.getByLabel("Time zone").selectOption("Europe/Berlin");
        button(page, "Save settings").click();

        // the very next page is German
        assertThat(page.locator("h1")).hasText("Meine Einstellungen");
        assertThat(page.locator(".alert-success")).containsText("Ihre Einstellungen sind gespeichert.");
        assertThat(page.getByLabel("Sprache")).hasValue("de");
        assertThat(page.getByLabel("Zeitzone")).hasValue("Europe/Berlin");
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("settings-german-" + device + ".png"))
                .setFullPage(true));

        page.navigate("/");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("footer")).hasText("CRM: Jede Änderung bleibt in der Historie des Objekts erhalten.");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Zum Inhalt springen")))
                .hasCount(1);
        fitsTheWindow(page);

        page.navigate("/memos");
        assertThat(page.locator("h1")).hasText("Notizen");
        assertThat(link(page, "Ein Memo")).isVisible();
        assertThat(page.locator("main")).containsText("Neue Notiz");
        fitsTheWindow(page);

        page.navigate("/help/memos");
        assertThat(page.locator("h1")).hasText("Die Liste der Notizen");
        assertThat(page.locator("article")).containsText("Die Liste zeigt jede Notiz, die Sie sehen dürfen");
        fitsTheWindow(page);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("help-german-" + device + ".png"))
                .setFullPage(true));
    }

    @Test
    void aGermanBrowserGetsTheSignInPageInGerman() {
        String user = api.newUser("deutsch");
        Page page = open("de-DE", "Europe/Berlin", 1280, 900);
        page.navigate("/login");
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("h1")).hasText("Am CRM anmelden");
        page.getByLabel("Benutzername").fill(user);
        page.getByLabel("Passwort").fill("wrong-password-1");
        button(page, "Anmelden").click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText(Pattern.compile("Falscher Benutzername"));
        page.getByLabel("Benutzername").fill(user);
        page.getByLabel("Passwort").fill(Api.PASSWORD);
        button(page, "Anmelden").click();
        // no language of their own yet: the browser's, German, after sign-in too
        assertThat(page.locator("#nav-settings")).hasAttribute("data-bs-original-title",
                Pattern.compile("Angemeldet als"));
        page.navigate("/settings");
        assertThat(page.getByLabel("Sprache")).hasValue("");
        assertThat(page.getByLabel("Zeitzone")).hasValue("Europe/Berlin");
    }
}
