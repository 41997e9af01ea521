package dev.crm.web.reference;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mail accounts in a real browser, at a desk's and a phone's width: the admin adds one from Administration with its
 * password (a password input), the list says a password is set, the edit form never shows it and says how to keep
 * it, and "Send a test message" goes through a real SMTP server (GreenMail).
 */
@CrmIntegrationTest
class MailAccountPagesIT {

    @LocalServerPort
    int port;
    BrowserSession browser;
    GreenMail smtp;

    @BeforeEach
    void setUp() {
        browser = new BrowserSession(port);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("desk@example.com", "desk", "desk-pass-1"));
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        browser.close();
        smtp.stop();
    }

    @ParameterizedTest
    // a desk 1440 px wide: at 1280 the admin's main menu is wider than the window on every page (as on main)
    @CsvSource({"1440, 900", "390, 844"})
    void anAdminAddsAMailAccountWithAPasswordThatIsNeverShownAndSendsATestMessage(int width, int height) {
        Api api = new Api(port);
        String owner = api.newUser("deskmail");
        String name = "Desk " + System.nanoTime();
        Page admin = browser.signIn("admin", width, height, true);
        admin.navigate("/");
        if (width < 992) {
            admin.locator(".navbar-toggler").click();
        }
        admin.locator("#nav-admin").click();
        admin.locator("#nav-admin-mail-accounts").click();
        assertThat(admin.locator("h1")).hasText("Mail accounts");
        fitsTheWindow(admin);
        admin.locator("#reference-new").click();
        fitsTheWindow(admin);

        admin.getByLabel("Name").fill(name);
        admin.getByLabel("SMTP server").fill("127.0.0.1");
        admin.getByLabel("Port").fill(Integer.toString(smtp.getSmtp().getPort()));
        admin.getByLabel("Security").selectOption("none");
        admin.getByLabel("Login").fill("desk");
        assertThat(admin.getByLabel("Password")).hasAttribute("type", "password");
        admin.getByLabel("Password").fill("desk-pass-1");
        admin.getByLabel("From address").fill("desk@example.com");
        admin.getByLabel("Owner").selectOption(owner);
        admin.getByLabel("Main account").check();
        admin.getByLabel("Messages per day").fill("0");
        button(admin, "Save").click();
        // a refused form comes back with the error, and without the password typed
        assertThat(admin.locator("#reference-dailyLimit + .invalid-feedback")).hasText("Must be a whole number from 1.");
        assertThat(admin.getByLabel("Password")).hasValue("");
        assertThat(admin.getByLabel("Name")).hasValue(name);
        admin.getByLabel("Messages per day").fill("100");
        admin.getByLabel("Password").fill("desk-pass-1");
        button(admin, "Save").click();
        assertThat(admin.locator(".alert-success")).containsText(name);
        assertThat(admin.content()).doesNotContain("desk-pass-1");

        JsonNode account = null;
        for (JsonNode a : api.as("admin", "GET", "/api/admin/mail-accounts", null).body().get("items")) {
            if (a.get("name").asText().equals(name)) {
                account = a;
            }
        }
        assertThat(account).isNotNull();
        assertThat(account.get("passwordSet").asBoolean()).isTrue();
        long id = account.get("id").asLong();
        var row = admin.locator(".reference-row[data-id='" + id + "']");
        assertThat(row.locator(".password-set")).hasText("Set");
        fitsTheWindow(admin);

        // the form never shows the password, and says that empty keeps it
        row.getByText("Edit").click();
        assertThat(admin.getByLabel("Password")).hasValue("");
        assertThat(admin.getByLabel("Password")).hasAttribute("placeholder", "Leave empty to keep the stored one");
        assertThat(admin.locator("#reference-secret-keep")).containsText("leave the field empty to keep it");
        assertThat(admin.content()).doesNotContain("desk-pass-1");
        fitsTheWindow(admin);
        if (width >= 992) {
            assertThat(tooltipOf(admin, admin.locator("#mail-test-send"))).containsText("saved settings");
        }

        // a test message through the account reaches the server
        admin.getByLabel("To").fill("reader@example.org");
        button(admin, "Send a test message").click();
        assertThat(admin.locator(".alert-success")).containsText("The mail server took the test message to reader@example.org.");
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();

        // its history says the password was set, never what it is
        admin.locator(".breadcrumb").getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Mail accounts")).click();
        admin.locator(".reference-row[data-id='" + id + "']").getByText("History").click();
        assertThat(admin.locator("body")).containsText("(hidden)");
        assertThat(admin.content()).doesNotContain("desk-pass-1");
        fitsTheWindow(admin);
    }
}
