package dev.crm.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Campaigns (issue 15, point 3) on PostgreSQL with a real SMTP server (GreenMail): a campaign of two contacts and a
 * lead through a mass-mail account; its test send is one message, rendered for its first recipient, with the
 * unsubscribe link and the RFC 8058 headers, recorded in its history; the link's one-click POST, without a session,
 * clears the contact's massmail (by system, caused by the campaign); an unknown token is a 404 page, and the POST
 * without a CSRF token works for that path and a valid token only.
 */
@CrmIntegrationTest
class CampaignIT {

    private static final Pattern LINK = Pattern.compile("<(http://localhost:8080/unsubscribe/([A-Za-z0-9_-]+))>");

    @LocalServerPort
    int port;

    private GreenMail smtp;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("news@example.com", "news-login",
                        "smtp-pass-9Z"));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void aTestSendAndAnUnsubscribeWithoutSignIn() throws Exception {
        Api api = new Api(port);
        String manager = api.newUser("cmgr", "manager");
        long massmail = id(api.as("admin", "POST", "/api/admin/mail-accounts", account(manager, true)));
        long ordinary = id(api.as("admin", "POST", "/api/admin/mail-accounts", account(manager, false)));
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Acme " + System.nanoTime())));
        long ann = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Ann",
                "lastName", "Berg", "email", "ann@example.org")));
        long bob = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Bob",
                "email", "bob@example.org")));
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Lea", "email", "lea@example.org")));
        assertThat(api.as(manager, "GET", "/api/contacts/" + ann, null).body().get("massmail").asBoolean()).isTrue();

        // an account not meant for mass mail is refused; the campaign is a draft with its recipients counted
        Map<String, Object> body = new HashMap<>(Map.of("name", "Spring news", "subject", "Hello {{first_name}}",
                "body", "Dear {{full_name}} of {{company}}, {{coupon}} is yours.", "account", ordinary,
                "recipients", Map.of("contacts", List.of(bob, ann), "leads", List.of(lead))));
        assertThat(api.as(manager, "POST", "/api/campaigns", body).status()).isEqualTo(400);
        body.put("account", massmail);
        JsonNode campaign = ok(api.as(manager, "POST", "/api/campaigns", body), 201);
        long id = campaign.get("id").asLong();
        assertThat(campaign.get("status").asText()).isEqualTo("draft");
        assertThat(campaign.get("recipients").get("contacts").get(0).asLong()).isEqualTo(Math.min(ann, bob));
        assertThat(campaign.get("total").asInt()).isEqualTo(3);
        assertThat(campaign.get("left").asInt()).isEqualTo(3);
        assertThat(campaign.get("sent").asInt()).isZero();
        assertThat(api.as(manager, "PATCH", "/api/campaigns/" + id, Map.of("status", "sent")).status())
                .isEqualTo(400);

        // the test send: exactly one message, for the first recipient (Ann, the lower ID), with the link and headers
        assertThat(api.as(manager, "POST", "/api/campaigns/" + id + "/test", Map.of("to", "nope")).status())
                .isEqualTo(400);
        assertThat(ok(api.as(manager, "POST", "/api/campaigns/" + id + "/test", Map.of("to", "me@example.com")), 200)
                .get("to").asText()).isEqualTo("me@example.com");
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        String first = ann < bob ? "Ann" : "Bob";
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("me@example.com");
        assertThat(message.getFrom()[0].toString()).isEqualTo("news@example.com");
        assertThat(message.getSubject()).isEqualTo("Hello " + first);
        String text = GreenMailUtil.getBody(message);
        assertThat(text).contains(ann < bob ? "Dear Ann Berg of Acme" : "Dear Bob of Acme").contains("{{coupon}}");
        String header = message.getHeader("List-Unsubscribe", null);
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        Matcher link = LINK.matcher(header);
        assertThat(link.matches()).as(header).isTrue();
        String token = link.group(2);
        assertThat(token).hasSizeGreaterThanOrEqualTo(22);
        assertThat(text).contains(link.group(1));
        JsonNode history = ok(api.as(manager, "GET", "/api/objects/" + id + "/history", null), 200).get("entries");
        assertThat(history.findValuesAsText("event")).containsExactly("CampaignCreated", "CampaignTestSent");

        long firstContact = Math.min(ann, bob);
        // the page opens without a session; the POST needs a valid token and the one-click body, or a CSRF token
        HttpResponse<String> page = send("GET", "/unsubscribe/" + token, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("unsubscribe-form");
        // without the one-click body, a form without its CSRF token: refused (to sign in again)
        assertThat(send("POST", "/unsubscribe/" + token, "confirm=yes").statusCode()).isIn(302, 403);
        assertThat(send("POST", "/unsubscribe/" + token + "/x", "List-Unsubscribe=One-Click").statusCode())
                .isNotEqualTo(200);
        assertThat(send("POST", "/campaigns/" + id + "/test", "List-Unsubscribe=One-Click&to=x@example.com")
                .statusCode()).isIn(302, 403);
        // the one-click parameter in the query instead of the body: a form without its CSRF token
        assertThat(send("POST", "/unsubscribe/" + token + "?List-Unsubscribe=One-Click", null).statusCode())
                .isIn(302, 403);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(massmailOf(api, manager, firstContact)).isTrue();

        // an unknown token: the 404 page, nothing changed
        HttpResponse<String> unknown = send("POST", "/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "List-Unsubscribe=One-Click");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("unsubscribe-unknown");
        assertThat(send("GET", "/unsubscribe/nope", null).statusCode()).isEqualTo(404);

        // the one-click POST a mail client sends, without a session or a CSRF token
        HttpResponse<String> done = send("POST", "/unsubscribe/" + token, "List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("unsubscribe-done");
        assertThat(massmailOf(api, manager, firstContact)).isFalse();
        assertThat(massmailOf(api, manager, Math.max(ann, bob))).isTrue();
        JsonNode last = lastEntry(api, manager, firstContact);
        assertThat(last.get("event").asText()).isEqualTo("ContactChanged");
        assertThat(last.get("user").asText()).isEqualTo("system");
        assertThat(last.get("causedBy").asLong()).isEqualTo(id);
        // again: nothing more to change
        assertThat(send("POST", "/unsubscribe/" + token, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
        assertThat(lastEntry(api, manager, firstContact).get("sequence")).isEqualTo(last.get("sequence"));
    }

    private boolean massmailOf(Api api, String user, long contact) {
        return ok(api.as(user, "GET", "/api/contacts/" + contact, null), 200).get("massmail").asBoolean();
    }

    private JsonNode lastEntry(Api api, String user, long object) {
        JsonNode entries = ok(api.as(user, "GET", "/api/objects/" + object + "/history", null), 200).get("entries");
        return entries.get(entries.size() - 1);
    }

    /** A request without a session or credentials, a form body when given. */
    private HttpResponse<String> send(String method, String path, String form) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> account(String owner, boolean massmail) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", (massmail ? "News " : "Desk ") + System.nanoTime());
        body.put("host", "127.0.0.1");
        body.put("port", smtp.getSmtp().getPort());
        body.put("security", "none");
        body.put("username", "news-login");
        body.put("password", "smtp-pass-9Z");
        body.put("from", "news@example.com");
        body.put("owner", owner);
        body.put("main", false);
        body.put("massmail", massmail);
        body.put("dailyLimit", 200);
        body.put("intervalSeconds", 15);
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
