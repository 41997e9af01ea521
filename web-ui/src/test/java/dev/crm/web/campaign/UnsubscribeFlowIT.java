package dev.crm.web.campaign;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The unsubscribe link of a campaign message, in Chromium at a desk's and a phone's width, never signed in: the test
 * message GreenMail received carries the link; opened in a fresh browser, its page offers the button, and pressing it
 * confirms; the contact then has massmail false, and its history says the campaign caused it. An unknown link shows
 * the 404 page, without sign-in.
 */
@CrmIntegrationTest
class UnsubscribeFlowIT {

    /** The link as the message carries it (the public address), and its path. */
    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/unsubscribe/([A-Za-z0-9_-]+))");

    @LocalServerPort
    int port;

    GreenMail smtp;
    BrowserSession browser;

    @BeforeEach
    void setUp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("letters@example.com", "letters-login",
                        "smtp-pass-7Q"));
        smtp.start();
        browser = new BrowserSession(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
        smtp.stop();
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "390, 844"})
    void aRecipientUnsubscribesThroughTheLinkOfACampaignMessageWithoutSigningIn(int width, int height)
            throws Exception {
        Api api = new Api(port);
        String manager = api.newUser("unsubmgr", "manager");
        long account = id(api.as("admin", "POST", "/api/admin/mail-accounts", account(manager)));
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Letters " + System.nanoTime())));
        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Una",
                "lastName", "Subs", "email", "una@example.org")));
        long campaign = id(api.as(manager, "POST", "/api/campaigns", Map.of("name", "Autumn letter",
                "subject", "Hello {{first_name}}", "body", "Dear {{full_name}}, news.", "account", account,
                "recipients", Map.of("contacts", List.of(contact)))));
        assertThat(ok(api.as("admin", "GET", "/api/contacts/" + contact, null), 200).get("massmail").asBoolean())
                .isTrue();

        // the test message, as GreenMail received it, carries the link
        ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/test", Map.of("to", "checker@example.com")), 200);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        Matcher link = LINK.matcher(received[0].getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        String path = link.group(1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(received[0])).contains(link.group(0));

        // opened in a fresh browser, not signed in
        Page page = browser.anonymous(width, height);
        Response opened = page.navigate(path);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page.locator("h1")).hasText("Unsubscribe");
        assertThat(page.locator("#unsubscribe-form")).containsText(
                "You will receive no more campaign messages from us at this address.");
        assertThat(page.locator("#current-user")).hasCount(0);
        fitsTheWindow(page);
        button(page, "Unsubscribe").click();
        assertThat(page.locator("#unsubscribe-done")).hasText(
                "You are unsubscribed: you will receive no more campaign messages.");
        assertThat(page.locator("#unsubscribe-form")).hasCount(0);
        fitsTheWindow(page);

        // the contact: massmail false, by the system, caused by the campaign
        assertThat(ok(api.as("admin", "GET", "/api/contacts/" + contact, null), 200).get("massmail").asBoolean())
                .isFalse();
        JsonNode entries = ok(api.as("admin", "GET", "/api/objects/" + contact + "/history", null), 200)
                .get("entries");
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("ContactChanged");
        assertThat(last.get("user").asText()).isEqualTo("system");
        assertThat(last.get("causedBy").asLong()).isEqualTo(campaign);
        assertThat(last.get("changes").toString()).contains("massmail");

        // an unknown link: the 404 page, without sign-in
        Page stranger = browser.anonymous(width, height);
        Response unknown = stranger.navigate("/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(stranger.locator("#unsubscribe-unknown")).hasText(
                "This unsubscribe link is not known. Nothing was changed.");
        assertThat(stranger.locator("#unsubscribe-form")).hasCount(0);
        assertThat(stranger).not().hasURL(Pattern.compile(".*/login.*"));
        fitsTheWindow(stranger);
    }

    private Map<String, Object> account(String owner) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Letters " + System.nanoTime());
        body.put("host", "127.0.0.1");
        body.put("port", smtp.getSmtp().getPort());
        body.put("security", "none");
        body.put("username", "letters-login");
        body.put("password", "smtp-pass-7Q");
        body.put("from", "letters@example.com");
        body.put("owner", owner);
        body.put("main", false);
        body.put("massmail", true);
        return body;
    }

    private static long id(Api.Response response) {
        return ok(response, 201).get("id").asLong();
    }

    private static JsonNode ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return response.body();
    }
}
