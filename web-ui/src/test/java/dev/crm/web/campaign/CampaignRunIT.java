package dev.crm.web.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crm.app.campaign.CampaignSender;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Campaigns that run (issue 15, points 3 and 4) on PostgreSQL with a real SMTP server (GreenMail): the sender's clock
 * is one the test moves ({@link CampaignSender#useClock}), so days, intervals and business hours pass without waiting.
 * The daily limit, skipped and failed recipients, each recipient at most one message with the RFC 8058 headers;
 * pause, resume and cancel; the server stopped and started again; business hours; an unknown outcome never resent;
 * the campaign's and a recipient's history.
 */
@CrmIntegrationTest
class CampaignRunIT {

    @LocalServerPort
    int port;

    @Autowired
    CampaignSender sender;

    @Autowired
    JdbcTemplate jdbc;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z")); // a Tuesday
    private final List<GreenMail> servers = new ArrayList<>();
    private GreenMail smtp;
    private int smtpPort;
    private Api api;
    private String manager;

    @BeforeEach
    void setUp() {
        smtp = start(ServerSetupTest.SMTP.dynamicPort());
        smtpPort = smtp.getSmtp().getPort();
        sender.useClock(clock);
        api = new Api(port);
        manager = api.newUser("crun", "manager");
    }

    @AfterEach
    void tearDown() {
        // nothing of this test goes on sending into the next one, under another clock
        for (Long campaign : jdbc.queryForList("SELECT id FROM campaign_view WHERE owner = ? AND status IN "
                + "('running', 'waiting', 'paused')", Long.class, manager)) {
            api.as(manager, "POST", "/api/campaigns/" + campaign + "/cancel", null);
        }
        sender.useClock(Clock.systemUTC());
        sender.useBusinessHours("");
        servers.forEach(GreenMail::stop);
    }

    @Test
    void twoHundredRecipientsWithADailyLimit() {
        long account = account(150, 0);
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Acme " + System.nanoTime(),
                "email", "office@acme-" + System.nanoTime() + ".example")));
        List<Long> contacts = new ArrayList<>();
        Map<Long, String> addressOf = new TreeMap<>();
        String run = Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 196; i++) {
            String address = i == 7 ? "ann..x" + run + "@example.com" : "c" + i + "." + run + "@example.org";
            long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName",
                    "C" + i, "lastName", "Run", "email", address)));
            contacts.add(contact);
            addressOf.put(contact, address);
        }
        List<Long> unsubscribed = List.of(contacts.get(3), contacts.get(50), contacts.get(120));
        for (long contact : unsubscribed) {
            assertThat(api.as(manager, "PATCH", "/api/contacts/" + contact, Map.of("massmail", false)).status())
                    .isEqualTo(200);
        }
        long invalid = contacts.get(7);
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Lea", "email",
                "lea." + run + "@example.org")));
        long noAddress = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Nomail")));
        long disqualified = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Dis", "email",
                "dis." + run + "@example.org", "disqualified", true)));
        long campaign = campaign(Map.of("contacts", contacts, "leads", List.of(lead, noAddress, disqualified),
                "companies", List.of(company)));

        JsonNode launched = ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/launch", null), 200);
        assertThat(launched.get("status").asText()).isEqualTo("running");
        assertThat(launched.get("total").asInt()).isEqualTo(200);
        assertThat(launched.get("recipients").get("leads")).hasSize(3);
        // once launched: its texts and recipients stay; launching again is a wrong state
        assertThat(api.as(manager, "PATCH", "/api/campaigns/" + campaign, Map.of("subject", "Other")).status())
                .isEqualTo(409);
        assertThat(api.as(manager, "POST", "/api/campaigns/" + campaign + "/launch", null).status()).isEqualTo(409);

        // today: exactly the limit, then it waits for the next day
        JsonNode waiting = awaitStatus(campaign, "waiting");
        assertThat(waiting.get("reason").asText()).isEqualTo("daily-limit");
        assertThat(waiting.get("until").asText()).isEqualTo("2026-12-02T00:00:00Z");
        assertThat(waiting.get("sent").asInt()).isEqualTo(150);
        assertThat(smtp.getReceivedMessages()).hasSize(150);

        clock.advance(Duration.ofDays(1));
        JsonNode done = awaitStatus(campaign, "done");
        assertThat(done.get("skipped").asInt()).isEqualTo(5); // three unsubscribed, one without an address, one disqualified
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(done.get("sent").asInt()).isEqualTo(194);
        assertThat(done.get("left").asInt()).isZero();
        assertThat(done.get("endedAt").isNull()).isFalse();

        // each recipient at most one message: every one that may get one exactly one, the others none
        Map<String, Integer> received = received();
        assertThat(received.values()).allMatch(n -> n == 1);
        assertThat(received).hasSize(194);
        assertThat(received).doesNotContainKey("dis." + run + "@example.org");
        for (long contact : unsubscribed) {
            assertThat(received).doesNotContainKey(addressOf.get(contact));
        }
        assertThat(received).doesNotContainKey(addressOf.get(invalid));
        assertThat(received).containsKey("lea." + run + "@example.org");
        MimeMessage one = smtp.getReceivedMessages()[0];
        assertThat(header(one, "List-Unsubscribe")).matches("<http://localhost:8080/unsubscribe/[A-Za-z0-9_-]+>");
        assertThat(header(one, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(header(one, "Message-ID")).startsWith("<campaign." + campaign + ".");

        // the report: the failed and skipped recipients with their reasons
        JsonNode failed = ok(api.as(manager, "GET", "/api/campaigns/" + campaign + "/deliveries?outcome=failed",
                null), 200);
        assertThat(failed.get("total").asInt()).isEqualTo(1);
        assertThat(failed.get("items").get(0).get("recipientId").asLong()).isEqualTo(invalid);
        assertThat(failed.get("items").get(0).get("reason").asText()).startsWith("invalid-address");
        JsonNode skipped = ok(api.as(manager, "GET", "/api/campaigns/" + campaign + "/deliveries?outcome=skipped",
                null), 200).get("items");
        assertThat(skipped.findValuesAsText("reason")).containsOnly("unsubscribed", "no-address", "disqualified");
        assertThat(skipped.findValuesAsText("recipientId")).contains(Long.toString(noAddress), Long.toString(disqualified));

        // the campaign's history tells who got what; so does a recipient's
        JsonNode history = ok(api.as(manager, "GET", "/api/objects/" + campaign + "/history", null), 200)
                .get("entries");
        List<String> events = history.findValuesAsText("event");
        assertThat(events).startsWith("CampaignCreated", "CampaignLaunched").contains("CampaignWaiting")
                .endsWith("CampaignDone");
        assertThat(events.stream().filter("CampaignRecipientSent"::equals)).hasSize(194);
        JsonNode leadHistory = ok(api.as(manager, "GET", "/api/objects/" + lead + "/history", null), 200)
                .get("entries");
        assertThat(leadHistory.findValuesAsText("event")).contains("CampaignRecipientSent");
    }

    @Test
    void pauseStopsSendingResumeGoesOnCancelEndsIt() {
        long account = account(1000, 60); // one message a minute of the moved clock
        long campaign = campaign(Map.of("contacts", contacts(5)));
        ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/launch", null), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 1);
        awaitSent(campaign, 1);

        JsonNode paused = ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/pause", null), 200);
        assertThat(paused.get("status").asText()).isEqualTo("paused");
        assertThat(api.as(manager, "POST", "/api/campaigns/" + campaign + "/pause", null).status()).isEqualTo(409);
        clock.advance(Duration.ofMinutes(5));
        sender.poll(); // a whole poll while paused: nothing
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        assertThat(ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/resume", null), 200).get("status")
                .asText()).isEqualTo("running");
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
        awaitSent(campaign, 2);

        JsonNode canceled = ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/cancel", null), 200);
        assertThat(canceled.get("status").asText()).isEqualTo("canceled");
        assertThat(canceled.get("left").asInt()).isEqualTo(3);
        clock.advance(Duration.ofMinutes(5));
        sender.poll();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(api.as(manager, "POST", "/api/campaigns/" + campaign + "/resume", null).status()).isEqualTo(409);
        assertThat(account).isPositive();
    }

    @Test
    void theMailServerStoppedAndStartedAgainLosesAndDoublesNothing() {
        long account = account(2, 0);
        long campaign = campaign(Map.of("contacts", contacts(5)));
        ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/launch", null), 200);
        assertThat(awaitStatus(campaign, "waiting").get("reason").asText()).isEqualTo("daily-limit");
        List<MimeMessage> all = new ArrayList<>(List.of(smtp.getReceivedMessages()));
        assertThat(all).hasSize(2);

        smtp.stop();
        clock.advance(Duration.ofDays(1));
        JsonNode unreachable = await().atMost(Duration.ofSeconds(60)).until(() -> get(campaign),
                c -> "server-unreachable".equals(c.path("reason").asText()));
        assertThat(unreachable.get("status").asText()).isEqualTo("waiting");
        assertThat(unreachable.get("sent").asInt()).isEqualTo(2);
        // nothing under way and nothing lost: the recipient tried is free again
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_delivery WHERE campaign_id = ?", Integer.class,
                campaign)).isEqualTo(2);

        smtp = start(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        clock.advance(Duration.ofMinutes(10)); // past its back-off
        await().atMost(Duration.ofSeconds(60)).until(() -> get(campaign),
                c -> "daily-limit".equals(c.path("reason").asText()) && c.get("sent").asInt() == 4);
        clock.advance(Duration.ofDays(1));
        assertThat(awaitStatus(campaign, "done").get("sent").asInt()).isEqualTo(5);
        all.addAll(List.of(smtp.getReceivedMessages()));
        Map<String, Integer> perAddress = new HashMap<>();
        for (MimeMessage m : all) {
            perAddress.merge(to(m), 1, Integer::sum);
        }
        assertThat(perAddress).hasSize(5).allSatisfy((address, n) -> assertThat(n).as(address).isEqualTo(1));
        assertThat(account).isPositive();
    }

    @Test
    void outsideBusinessHoursItWaitsAndAnUnknownOutcomeIsNeverSentAgain() {
        sender.useBusinessHours("Mon-Fri 09:00-18:00 Europe/Berlin");
        clock.set(Instant.parse("2026-12-05T10:00:00Z")); // a Saturday
        account(100, 0);
        List<Long> contacts = contacts(3);
        long campaign = campaign(Map.of("contacts", contacts));
        // a send that started and never got its outcome (the process died): not sent again, failed once stale
        long died = contacts.get(1);
        jdbc.update("INSERT INTO campaign_delivery (campaign_id, recipient_kind, recipient_id, address, message_id, "
                + "started_at) VALUES (?, 'contact', ?, 'x@example.org', '<died@crm>', ?)", campaign, died,
                Timestamp.from(clock.instant()));
        ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/launch", null), 200);
        JsonNode closed = await().atMost(Duration.ofSeconds(30)).until(() -> get(campaign),
                c -> "business-hours".equals(c.path("reason").asText()));
        assertThat(closed.get("status").asText()).isEqualTo("waiting");
        assertThat(closed.get("until").asText()).isEqualTo("2026-12-07T08:00:00Z"); // Monday 09:00 in Berlin
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.set(Instant.parse("2026-12-07T08:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length == 2);
        clock.advance(Duration.ofMinutes(3)); // past crm.mail.stale-after
        JsonNode done = awaitStatus(campaign, "done");
        assertThat(done.get("sent").asInt()).isEqualTo(2);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        JsonNode failed = ok(api.as(manager, "GET", "/api/campaigns/" + campaign + "/deliveries?outcome=failed",
                null), 200).get("items");
        assertThat(failed.get(0).get("recipientId").asLong()).isEqualTo(died);
        assertThat(failed.get(0).get("reason").asText()).isEqualTo("unknown-outcome");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRefusedLoginStopsTheAccountAndTheCampaignWaitsUntilItIsMended() {
        password = "wrong-" + System.nanoTime();
        account(100, 0);
        long campaign = campaign(Map.of("contacts", contacts(2)));
        ok(api.as(manager, "POST", "/api/campaigns/" + campaign + "/launch", null), 200);
        JsonNode waits = awaitStatus(campaign, "waiting");
        assertThat(waits.get("reason").asText()).isEqualTo("login-refused");
        assertThat(waits.get("sent").asInt()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        // the account is stopped for everything it sends, and the administrators are told (MailAccounts)
        JsonNode stopped = ok(api.as("admin", "GET", "/api/admin/mail-accounts/" + accountId, null), 200);
        assertThat(stopped.get("stopped").asText()).contains("refused");
        // nothing was sent: no recipient is claimed
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_delivery WHERE campaign_id = ?", Integer.class,
                campaign)).isZero();
        // the administrator mends the password: the account resumes, and the campaign goes on by itself
        assertThat(ok(api.as("admin", "PATCH", "/api/admin/mail-accounts/" + accountId, Map.of("password",
                "smtp-pass-9Z")), 200).has("password")).isFalse();
        assertThat(awaitStatus(campaign, "done").get("sent").asInt()).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aLaunchNeedsAUsableCampaign() {
        long account = account(100, 0);
        Map<String, Object> body = new HashMap<>(Map.of("name", "Empty " + System.nanoTime(), "subject", "Hi",
                "body", "Text", "account", account));
        long empty = id(api.as(manager, "POST", "/api/campaigns", body));
        Api.Response refused = api.as(manager, "POST", "/api/campaigns/" + empty + "/launch", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text()).contains("has no recipients");
        // the recipients are one object; the old flat lists are unknown fields
        assertThat(api.as(manager, "PATCH", "/api/campaigns/" + empty, Map.of("contacts", List.of())).status())
                .isEqualTo(400);
        String other = api.newUser("crun", "manager");
        assertThat(api.as(other, "POST", "/api/campaigns/" + empty + "/launch", null).status()).isEqualTo(404);
    }

    // --- helpers ---

    private GreenMail start(ServerSetup setup) {
        GreenMail server = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser("news@example.com", "news-login", "smtp-pass-9Z"));
        server.start();
        servers.add(server);
        return server;
    }

    private long account(int dailyLimit, int intervalSeconds) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Run " + System.nanoTime());
        body.put("host", "127.0.0.1");
        body.put("port", smtpPort);
        body.put("security", "none");
        body.put("username", "news-login");
        body.put("password", password);
        body.put("from", "news@example.com");
        body.put("owner", manager);
        body.put("main", false);
        body.put("massmail", true);
        body.put("dailyLimit", dailyLimit);
        body.put("intervalSeconds", intervalSeconds);
        accountId = id(api.as("admin", "POST", "/api/admin/mail-accounts", body));
        return accountId;
    }

    private long accountId;
    private String password = "smtp-pass-9Z";

    private long campaign(Map<String, Object> recipients) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Run " + System.nanoTime(), "subject",
                "Hello {{first_name}}", "body", "Dear {{full_name}}", "account", accountId, "recipients", recipients));
        return id(api.as(manager, "POST", "/api/campaigns", body));
    }

    private List<Long> contacts(int n) {
        List<Long> ids = new ArrayList<>();
        String run = Long.toString(System.nanoTime(), 36);
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Co " + run)));
        for (int i = 0; i < n; i++) {
            ids.add(id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "P" + i,
                    "email", "p" + i + "." + run + "@example.org"))));
        }
        return ids;
    }

    private JsonNode get(long campaign) {
        return ok(api.as(manager, "GET", "/api/campaigns/" + campaign, null), 200);
    }

    private JsonNode awaitStatus(long campaign, String status) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> get(campaign),
                c -> status.equals(c.get("status").asText()));
    }

    private void awaitSent(long campaign, int sent) {
        await().atMost(Duration.ofSeconds(30)).until(() -> get(campaign).get("sent").asInt() == sent);
    }

    /** How many messages each address received. */
    private Map<String, Integer> received() {
        Map<String, Integer> count = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            count.merge(to(m), 1, Integer::sum);
        }
        return count;
    }

    private static String to(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
            return to[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long id(Api.Response response) {
        return ok(response, 201).get("id").asLong();
    }

    private static JsonNode ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return response.body();
    }

    /** A clock the test sets and moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
