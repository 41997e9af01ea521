package dev.crm.web.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crm.app.mail.MailAccounts;
import dev.crm.app.secret.SecretCipher;
import dev.crm.app.secret.SecretStore;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail accounts (issue 15, point 1) through the API on PostgreSQL: kept by administrators only, their rules, the
 * owner's one main account, and the password: sealed in the secret store, never in an answer, an event, the
 * history or a log line; a change without it keeps it. A real SMTP server (GreenMail) takes the test message
 * through an account with login, and refuses a wrong password with a reason that does not show it.
 */
@CrmIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MailAccountsIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailAccounts accounts;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("crm@example.com", "crm-login", "smtp-pass-7Q"));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void theAccountsLifeKeepsItsPasswordSealedAndOutOfEventsHistoryAnswersAndLogs(CapturedOutput output) {
        Api api = new Api(port);
        String owner = api.newUser("mailer");
        String password = "pl41n-" + System.nanoTime();
        Api.Response created = api.as("admin", "POST", "/api/admin/mail-accounts", account(owner, password, "Sales"));
        JsonNode account = ok(created, 201);
        long id = account.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/admin/mail-accounts/" + id);
        assertThat(account.get("kind").asText()).isEqualTo("mail_account");
        assertThat(account.get("passwordSet").asBoolean()).isTrue();
        assertThat(account.has("password")).isFalse();
        assertThat(account.get("port").asInt()).isEqualTo(smtp.getSmtp().getPort());
        assertThat(account.get("security").asText()).isEqualTo("none");
        assertThat(account.get("main").asBoolean()).isTrue();
        assertThat(account.get("dailyLimit").asInt()).isEqualTo(200);
        assertThat(account.get("intervalSeconds").asInt()).isEqualTo(15);
        assertThat(created.text()).doesNotContain(password);

        Api.Response list = api.as("admin", "GET", "/api/admin/mail-accounts", null);
        assertThat(items(ok(list, 200)).stream().map(a -> a.get("id").asLong())).contains(id);
        assertThat(list.text()).doesNotContain(password);
        Api.Response one = api.as("admin", "GET", "/api/admin/mail-accounts/" + id, null);
        assertThat(ok(one, 200).get("passwordSet").asBoolean()).isTrue();
        assertThat(one.text()).doesNotContain(password);

        // the secret store holds it sealed, and it opens to the password
        String sealed = sealed(id);
        assertThat(sealed).isNotEqualTo(password).doesNotContain(password);
        assertThat(accounts.passwordOf(id)).contains(password);

        // a change without the password (absent, or empty as a form sends it) keeps it as it was
        Map<String, Object> empty = new HashMap<>(Map.of("name", "Sales desk", "password", ""));
        JsonNode renamed = ok(api.as("admin", "PATCH", "/api/admin/mail-accounts/" + id, empty,
                Map.of("If-Match", "\"1\"")), 200);
        assertThat(renamed.get("name").asText()).isEqualTo("Sales desk");
        ok(api.as("admin", "PATCH", "/api/admin/mail-accounts/" + id, Map.of("dailyLimit", 300)), 200);
        assertThat(sealed(id)).isEqualTo(sealed);
        assertThat(accounts.passwordOf(id)).contains(password);

        // a change with one replaces it, and the history says only that it changed
        String next = "n3xt-" + System.nanoTime();
        Api.Response changed = api.as("admin", "PATCH", "/api/admin/mail-accounts/" + id, Map.of("password", next));
        assertThat(ok(changed, 200).get("passwordSet").asBoolean()).isTrue();
        assertThat(changed.text()).doesNotContain(next);
        assertThat(sealed(id)).isNotEqualTo(sealed).doesNotContain(next);
        assertThat(accounts.passwordOf(id)).contains(next);

        Api.Response historyAnswer = api.as("admin", "GET", "/api/objects/" + id + "/history", null);
        JsonNode history = ok(historyAnswer, 200).get("entries");
        assertThat(history.findValuesAsText("event")).containsExactly("MailAccountCreated", "MailAccountChanged",
                "MailAccountChanged", "MailAccountChanged");
        JsonNode last = history.get(3).get("changes");
        assertThat(last).hasSize(1);
        assertThat(last.get(0).get("field").asText()).isEqualTo("password");
        assertThat(last.get(0).get("from").asText()).isEqualTo("(hidden)");
        assertThat(last.get(0).get("to").asText()).isEqualTo("(hidden)");
        assertThat(historyAnswer.text()).doesNotContain(password).doesNotContain(next);

        // no stored event holds either password; nor does any log line
        List<String> payloads = new ArrayList<>();
        jdbc.query("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                rs -> {
                    payloads.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }, Long.toString(id));
        assertThat(payloads).hasSize(4).allSatisfy(p -> assertThat(p).doesNotContain(password).doesNotContain(next));
        assertThat(payloads.get(0)).contains("\"password\":\"(hidden)\"");
        List<String> all = jdbc.query("SELECT payload FROM domainevententry", (rs, n) -> new String(rs.getBytes(1),
                StandardCharsets.UTF_8));
        assertThat(all).noneMatch(p -> p.contains(password) || p.contains(next));
        assertThat(output.getAll()).doesNotContain(password).doesNotContain(next);

        // at a start with another key, or none, the stored secrets stop it with an error naming CRM_SECRET_KEY
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        assertThatThrownBy(() -> new SecretStore(jdbc, java.util.Base64.getEncoder().encodeToString(
                SecretCipher.newKey()), url, java.nio.file.Path.of("target")).afterPropertiesSet())
                .hasMessageContaining("CRM_SECRET_KEY").hasMessageNotContaining(next);
        assertThatThrownBy(() -> new SecretStore(jdbc, "", url, java.nio.file.Path.of("target")).afterPropertiesSet())
                .hasMessageContaining("CRM_SECRET_KEY is not set");
        new SecretStore(jdbc, CrmIntegrationTest.SECRET_KEY, url, java.nio.file.Path.of("target")).afterPropertiesSet();

        // deleted and restored, it keeps its password
        assertThat(api.as("admin", "DELETE", "/api/admin/mail-accounts/" + id, null).status()).isEqualTo(204);
        assertThat(api.as("admin", "GET", "/api/admin/mail-accounts/" + id, null).status()).isEqualTo(404);
        ok(api.as("admin", "POST", "/api/objects/" + id + "/restore", null), 200);
        assertThat(accounts.passwordOf(id)).contains(next);
    }

    @Test
    void anOwnerHasAtMostOneMainAccount() {
        Api api = new Api(port);
        String owner = api.newUser("mainmail");
        long first = ok(api.as("admin", "POST", "/api/admin/mail-accounts", account(owner, null, "First")), 201)
                .get("id").asLong();
        assertThat(accounts.mainAccountOf(owner).orElseThrow().id()).isEqualTo(first);
        assertThat(accounts.passwordOf(first)).isEmpty();
        JsonNode second = ok(api.as("admin", "POST", "/api/admin/mail-accounts", account(owner, null, "Second")), 201);
        assertThat(second.get("passwordSet").asBoolean()).isFalse();
        long secondId = second.get("id").asLong();
        assertThat(ok(api.as("admin", "GET", "/api/admin/mail-accounts/" + first, null), 200).get("main").asBoolean())
                .as("the mark moved to the owner's newer main account").isFalse();
        assertThat(accounts.mainAccountOf(owner).orElseThrow().id()).isEqualTo(secondId);
        // another owner's main account is left alone
        String other = api.newUser("othermail");
        ok(api.as("admin", "POST", "/api/admin/mail-accounts", account(other, null, "Other")), 201);
        assertThat(accounts.mainAccountOf(owner).orElseThrow().id()).isEqualTo(secondId);
    }

    @Test
    void onlyAdministratorsReachMailAccounts() {
        Api api = new Api(port);
        String owner = api.newUser("ownmail");
        long id = ok(api.as("admin", "POST", "/api/admin/mail-accounts", account(owner, "pw-" + System.nanoTime(), "A")),
                201).get("id").asLong();
        String chief = api.newUser("chiefmail", "chief");
        for (String user : List.of(owner, chief)) {
            assertThat(api.as(user, "GET", "/api/admin/mail-accounts", null).status()).isEqualTo(403);
            assertThat(api.as(user, "GET", "/api/admin/mail-accounts/" + id, null).status()).isEqualTo(403);
            assertThat(api.as(user, "POST", "/api/admin/mail-accounts", account(owner, "x", "B")).status()).isEqualTo(403);
            assertThat(api.as(user, "PATCH", "/api/admin/mail-accounts/" + id, Map.of("name", "x")).status())
                    .isEqualTo(403);
            assertThat(api.as(user, "DELETE", "/api/admin/mail-accounts/" + id, null).status()).isEqualTo(403);
            assertThat(api.as(user, "POST", "/api/admin/mail-accounts/" + id + "/test", Map.of("to", "a@example.com"))
                    .status()).isEqualTo(403);
            // the object lookup and history do not let them learn it exists
            assertThat(api.as(user, "GET", "/api/objects/" + id, null).status()).isEqualTo(404);
            assertThat(api.as(user, "GET", "/api/objects/" + id + "/history", null).status()).isEqualTo(404);
        }
    }

    @Test
    void badInputIsRefusedFieldByFieldWithoutThePassword() {
        Api api = new Api(port);
        String password = "bad-input-" + System.nanoTime();
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "Broken");
        bad.put("host", " ");
        bad.put("port", 0);
        bad.put("security", "tls");
        bad.put("password", password);
        bad.put("from", "not-an-address");
        bad.put("owner", "nobody-" + System.nanoTime());
        bad.put("dailyLimit", 0);
        bad.put("intervalSeconds", -1);
        Api.Response refused = api.as("admin", "POST", "/api/admin/mail-accounts", bad);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field")).contains("host", "port", "security", "from",
                "owner", "dailyLimit", "intervalSeconds");
        assertThat(refused.text()).doesNotContain(password);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM secret s WHERE NOT EXISTS (SELECT 1 FROM reference_view r "
                + "WHERE r.id = s.object_id)", Integer.class)).as("nothing half-written").isZero();
        Map<String, Object> port = new HashMap<>(account(api.newUser("portmail"), null, "Port"));
        port.put("port", 65_536);
        assertThat(api.as("admin", "POST", "/api/admin/mail-accounts", port).body().get("errors")
                .findValuesAsText("field")).containsExactly("port");
        port.put("port", "587");
        assertThat(api.as("admin", "POST", "/api/admin/mail-accounts", port).status()).isEqualTo(400);
        // an inactive owner is refused too
        String gone = api.newUser("gonemail");
        assertThat(api.as("admin", "POST", "/api/users/" + gone + "/deactivate", null).status()).isLessThan(300);
        assertThat(api.as("admin", "POST", "/api/admin/mail-accounts", account(gone, null, "Gone")).body()
                .get("errors").findValuesAsText("field")).containsExactly("owner");
    }

    @Test
    void theTestMessageGoesThroughTheServerWithTheAccountsLogin() throws Exception {
        Api api = new Api(port);
        String owner = api.newUser("testmail");
        long id = ok(api.as("admin", "POST", "/api/admin/mail-accounts", account(owner, "smtp-pass-7Q", "Tested")), 201)
                .get("id").asLong();
        Api.Response sent = api.as("admin", "POST", "/api/admin/mail-accounts/" + id + "/test",
                Map.of("to", "someone@example.org"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("someone@example.org");
        assertThat(message.getFrom()[0].toString()).isEqualTo("crm@example.com");
        assertThat(message.getSubject()).isEqualTo("Test message from the CRM");

        // a bad address to send to is refused as input
        assertThat(api.as("admin", "POST", "/api/admin/mail-accounts/" + id + "/test", Map.of("to", "nope")).status())
                .isEqualTo(400);

        // a wrong password: the server's refusal, as a problem that does not show the password
        String wrong = "wr0ng-" + System.nanoTime();
        ok(api.as("admin", "PATCH", "/api/admin/mail-accounts/" + id, Map.of("password", wrong)), 200);
        Api.Response refused = api.as("admin", "POST", "/api/admin/mail-accounts/" + id + "/test",
                Map.of("to", "someone@example.org"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("The mail server refused")
                .containsIgnoringCase("auth");
        assertThat(refused.text()).doesNotContain(wrong);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private Map<String, Object> account(String owner, String password, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("host", "127.0.0.1");
        body.put("port", smtp.getSmtp().getPort());
        body.put("security", "none");
        body.put("username", "crm-login");
        if (password != null) {
            body.put("password", password);
        }
        body.put("from", "crm@example.com");
        body.put("owner", owner);
        body.put("main", true);
        body.put("massmail", false);
        body.put("dailyLimit", 200);
        body.put("intervalSeconds", 15);
        return body;
    }

    private String sealed(long id) {
        return jdbc.queryForObject("SELECT sealed FROM secret WHERE object_id = ?", String.class, id);
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.get("items").forEach(items::add);
        return items;
    }

    private static JsonNode ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return response.body();
    }
}
