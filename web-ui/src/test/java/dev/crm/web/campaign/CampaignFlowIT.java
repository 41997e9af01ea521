package dev.crm.web.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A small campaign launched from its page in Chromium, at desk and phone width: the launch asks first, the progress
 * bar reaches the end by itself (the page polls its JSON), and the report shows the counts and the skipped recipient.
 */
@CrmIntegrationTest
class CampaignFlowIT extends BrowserFlowTest {

    private static final LocatorAssertions.HasTextOptions LONG =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser("news@example.com", "news-login", "smtp-pass-9Z"));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @ParameterizedTest
    @CsvSource({"1280, 900", "390, 844"})
    void aCampaignLaunchedFromItsPageRunsToTheEnd(int width, int height) {
        String manager = api.newUser("cflow", "manager");
        long account = account(manager);
        String run = Long.toString(System.nanoTime(), 36);
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Flow " + run)));
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contacts.add(id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "F" + i,
                    "email", "f" + i + "." + run + "@example.org"))));
        }
        long gone = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Gone",
                "email", "gone." + run + "@example.org", "massmail", false)));
        contacts.add(gone);
        long campaign = id(api.as(manager, "POST", "/api/campaigns", Map.of("name", "Flow " + run, "subject",
                "Hello {{first_name}}", "body", "News for you", "account", account, "recipients",
                Map.of("contacts", contacts))));

        Page page = browser.signIn(manager, width, height, true);
        page.navigate("/campaigns/" + campaign);
        assertThat(page.locator("#campaign-state .campaign-status")).hasText("Draft");
        fitsTheWindow(page);
        page.onceDialog(dialog -> dialog.accept());
        page.locator("#campaign-launch").click();
        page.waitForURL(Pattern.compile(".*/campaigns/" + campaign + "$"));
        assertThat(page.locator("#campaign-state .campaign-status")).hasText("Done", LONG);
        assertThat(page.locator("#campaign-progress-bar")).hasText("100 %");
        assertThat(page.locator("#campaign-counts-text")).hasText("Sent: 3, failed: 0, skipped: 1");
        assertThat(page.locator("#campaign-problems")).containsText("unsubscribed");
        assertThat(page.locator("#campaign-problems a")).hasText("Contact " + gone);
        assertThat(page.locator("#campaign-times")).containsText("ended");
        assertThat(page.locator("#campaign-launch")).hasCount(0);
        fitsTheWindow(page);
    }

    @org.junit.jupiter.api.Test
    void recipientsChosenOnTheContactList() {
        String manager = api.newUser("cpick", "manager");
        String run = Long.toString(System.nanoTime(), 36);
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Pick " + run)));
        List<Long> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contacts.add(id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "P" + i,
                    "lastName", "Pick" + run, "email", "pick" + i + "." + run + "@example.org"))));
        }
        long campaign = id(api.as(manager, "POST", "/api/campaigns", Map.of("name", "Picked " + run)));

        Page page = browser.signIn(manager);
        page.navigate("/contacts?q=Pick" + run);
        assertThat(page.locator(".contact-row")).hasCount(3);
        page.getByLabel("Choose ID " + contacts.get(0), new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Choose ID " + contacts.get(2), new Page.GetByLabelOptions().setExact(true)).check();
        page.locator("#campaign-add-campaign").selectOption(Long.toString(campaign));
        fitsTheWindow(page);
        page.locator("#campaign-add-selected").click();
        page.waitForURL(Pattern.compile(".*/campaigns/" + campaign + "$"));
        assertThat(page.locator(".alert[role=status]")).containsText("2 recipients added to campaign ID " + campaign);
        org.assertj.core.api.Assertions.assertThat(api.as(manager, "GET", "/api/campaigns/" + campaign, null).body()
                .get("recipients").get("contacts").size()).isEqualTo(2);

        page.navigate("/contacts?q=Pick" + run);
        page.locator("#campaign-add-campaign").selectOption(Long.toString(campaign));
        page.locator("#campaign-add-all").click();
        page.waitForURL(Pattern.compile(".*/campaigns/" + campaign + "$"));
        assertThat(page.locator(".alert[role=status]")).containsText("One recipient added to campaign ID " + campaign);
        org.assertj.core.api.Assertions.assertThat(api.as(manager, "GET", "/api/campaigns/" + campaign, null).body()
                .get("recipients").get("contacts").size()).isEqualTo(3);
    }

    private long account(String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Flow " + System.nanoTime());
        body.put("host", "127.0.0.1");
        body.put("port", smtp.getSmtp().getPort());
        body.put("security", "none");
        body.put("username", "news-login");
        body.put("password", "smtp-pass-9Z");
        body.put("from", "news@example.com");
        body.put("owner", owner);
        body.put("main", false);
        body.put("massmail", true);
        body.put("dailyLimit", 100);
        body.put("intervalSeconds", 0);
        return id(api.as("admin", "POST", "/api/admin/mail-accounts", body));
    }

    private static long id(Api.Response response) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asLong();
    }
}
