package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A campaign sent by two CRM processes of the packaged jar on one PostgreSQL database, to one SMTP server (GreenMail,
 * in this JVM, behind a slow connection so that a kill finds sends under way), as docs/reliability.md ("Campaigns:
 * what exactly once rests on") promises it: 200 recipients, a few unsubscribed; both instances send; one is killed
 * with SIGKILL in the middle and started again. Every recipient then has at most one message, every one recorded
 * sent exactly one, the unsubscribed none, and only a send in flight at the kill may have an unknown outcome (never
 * sent again). Then the account's daily limit holds across both instances: raised by 20 over what went out today,
 * a second campaign gets exactly 20 out and waits for the next day.
 */
class CampaignProcessIT {

    static final String SMTP_PASSWORD = "bench-news-pass-7Q";
    static final int RECIPIENTS = 200;
    static final List<Integer> UNSUBSCRIBED = List.of(11, 77, 150, 199);

    @RegisterExtension
    final CrmProcesses crm = new CrmProcesses("reliability");
    private String db;
    private GreenMail smtp;
    private TcpProxy slow;

    @AfterEach
    void cleanUp() {
        if (slow != null) {
            slow.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private CrmProcess start(String name, String key) throws Exception {
        CrmProcess p = crm.start(db, name, CrmProcesses.SMALL,
                Map.of("CRM_SECRET_KEY", key, "CRM_MAIL_CAMPAIGN_POLL", "200ms", "CRM_MAIL_STALE_AFTER", "5s"));
        return p;
    }

    @Test
    void twoInstancesSendEachRecipientOnceAKillDoublesNothingAndTheDailyLimitHolds() throws Exception {
        smtp = new GreenMail(new ServerSetup(CrmProcess.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("news@example.com", "news-login",
                        SMTP_PASSWORD));
        smtp.start();
        slow = new TcpProxy("127.0.0.1", smtp.getSmtp().getPort(), 25);
        String key = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
        db = crm.database("campaign2");
        CrmProcess a = start("campaign-a", key);
        a.awaitReady(Duration.ofMinutes(2));
        CrmProcess b = start("campaign-b", key);
        b.awaitReady(Duration.ofMinutes(2));

        Client admin = Client.admin(a.port());
        String manager = admin.newUser("newsman", "manager").username;
        Client viaA = new Client(a.port(), manager, Client.PASSWORD);
        Client viaB = new Client(b.port(), manager, Client.PASSWORD);
        long account = account(admin, manager, slow.port(), 1000);
        long company = created(viaA.send("POST", "/api/companies", Map.of("name", "Readers Ltd"), Map.of()));
        List<Long> contacts = new ArrayList<>();
        Map<String, Long> byAddress = new TreeMap<>();
        for (int i = 0; i < RECIPIENTS; i++) {
            String address = "reader" + i + "@example.org";
            Map<String, Object> contact = new HashMap<>(Map.of("company", company, "firstName", "R" + i,
                    "lastName", "Reader", "email", address));
            if (UNSUBSCRIBED.contains(i)) {
                contact.put("massmail", false);
            }
            long id = created((i % 2 == 0 ? viaA : viaB).send("POST", "/api/contacts", contact, Map.of()));
            contacts.add(id);
            byAddress.put(address, id);
        }
        long campaign = campaign(viaA, account, "First", contacts);
        launch(viaB, campaign);

        // both instances send; one is killed with SIGKILL in the middle and started again
        await().atMost(Duration.ofMinutes(3)).until(() -> smtp.getReceivedMessages().length >= 60);
        assertThat(sentBy(a)).as("instance a sends").isPositive();
        assertThat(sentBy(b)).as("instance b sends").isPositive();
        a.kill();
        int atKill = smtp.getReceivedMessages().length;
        assertThat(atKill).as("the kill came while the campaign was being sent").isLessThan(RECIPIENTS - 20);
        CrmProcess again = start("campaign-a2", key);
        again.awaitReady(Duration.ofMinutes(2));
        JsonNode done = awaitStatus(viaB, campaign, "done", Duration.ofMinutes(5));

        // each recipient at most one message; one recorded sent exactly one; the unsubscribed none
        Map<String, Integer> arrived = arrivalsByAddress();
        assertThat(arrived.values()).as("no recipient got two messages").allMatch(n -> n == 1);
        for (int i : UNSUBSCRIBED) {
            assertThat(arrived).doesNotContainKey("reader" + i + "@example.org");
        }
        JsonNode failed = viaB.get("/api/campaigns/" + campaign + "/deliveries?outcome=failed&size=200").body().get("items");
        List<Long> unknown = new ArrayList<>();
        for (JsonNode f : failed) {
            assertThat(f.get("reason").asText()).as("the only failure is an unknown outcome").isEqualTo(
                    "unknown-outcome");
            unknown.add(f.get("recipientId").asLong());
        }
        assertThat(unknown).as("at most the send in flight at the kill").hasSizeLessThanOrEqualTo(1);
        assertThat(done.get("skipped").asInt()).isEqualTo(UNSUBSCRIBED.size());
        assertThat(done.get("sent").asInt()).isEqualTo(RECIPIENTS - UNSUBSCRIBED.size() - unknown.size());
        assertThat(done.get("sent").asInt() + done.get("failed").asInt() + done.get("skipped").asInt())
                .isEqualTo(RECIPIENTS);
        long arrivedForSent = arrived.entrySet().stream().filter(e -> !unknown.contains(byAddress.get(e.getKey())))
                .count();
        assertThat(arrivedForSent).as("every recipient recorded sent got its message")
                .isEqualTo(done.get("sent").asLong());

        // the daily limit holds across both instances: 20 more today, then it waits for the next day
        int today = smtp.getReceivedMessages().length;
        // what the account's pace counted today: every send handed to the server (the one in flight at the kill too)
        int counted = Integer.parseInt(one("SELECT sent_today FROM mail_account_pace WHERE account = " + account));
        assertThat(counted).isBetween(today, today + 1);
        Client viaAgain = new Client(again.port(), manager, Client.PASSWORD);
        Client.Response raised = Client.admin(b.port()).send("PATCH", "/api/admin/mail-accounts/" + account,
                Map.of("dailyLimit", counted + 20), Map.of());
        assertThat(raised.status()).as(raised.text()).isEqualTo(200);
        long second = campaign(viaAgain, account, "Second", contacts.subList(0, 60));
        launch(viaAgain, second);
        JsonNode waiting = awaitStatus(viaB, second, "waiting", Duration.ofMinutes(3));
        assertThat(waiting.get("reason").asText()).isEqualTo("daily-limit");
        assertThat(waiting.get("sent").asInt()).isEqualTo(20);
        assertThat(smtp.getReceivedMessages().length).isEqualTo(today + 20);

        System.out.printf("CampaignProcessIT: %d recipients by two instances (a sent %d before its SIGKILL, b %d, a "
                        + "again %d); %d arrived at the kill; %d unknown outcome%s; daily limit: exactly 20 more, then "
                        + "waiting%n", RECIPIENTS, sentBy(a), sentBy(b), sentBy(again), atKill, unknown.size(),
                unknown.isEmpty() ? "" : " (arrived " + arrived.getOrDefault(addressOf(byAddress, unknown.get(0)), 0)
                        + "x)");
    }

    private String one(String sql) throws Exception {
        try (Connection c = Pg.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** How many campaign messages the process's log says it sent. */
    private static long sentBy(CrmProcess process) {
        Matcher m = Pattern.compile("Campaign \\d+: contact \\d+ sent").matcher(process.logText());
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String addressOf(Map<String, Long> byAddress, long contact) {
        return byAddress.entrySet().stream().filter(e -> e.getValue() == contact).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    /** How many messages each recipient address got. */
    private Map<String, Integer> arrivalsByAddress() {
        Map<String, Integer> counts = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                for (Address to : m.getAllRecipients()) {
                    counts.merge(to.toString(), 1, Integer::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    private static long campaign(Client client, long account, String name, List<Long> contacts) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("subject", "News for {{first_name}}");
        body.put("body", "Hello {{full_name}}");
        body.put("account", account);
        body.put("recipients", Map.of("contacts", contacts));
        return created(client.send("POST", "/api/campaigns", body, Map.of()));
    }

    private static void launch(Client client, long campaign) {
        Client.Response launched = client.send("POST", "/api/campaigns/" + campaign + "/launch", null, Map.of());
        assertThat(launched.status()).as(launched.text()).isEqualTo(200);
    }

    private static JsonNode awaitStatus(Client client, long campaign, String status, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            Client.Response r = client.get("/api/campaigns/" + campaign);
            last[0] = r.body();
            return r.status() == 200 && status.equals(r.body().get("status").asText());
        });
        return last[0];
    }

    private static long account(Client admin, String owner, int port, int dailyLimit) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "News of " + owner);
        body.put("host", "127.0.0.1");
        body.put("port", port);
        body.put("security", "none");
        body.put("username", "news-login");
        body.put("password", SMTP_PASSWORD);
        body.put("from", "news@example.com");
        body.put("owner", owner);
        body.put("main", false);
        body.put("massmail", true);
        body.put("dailyLimit", dailyLimit);
        body.put("intervalSeconds", 0);
        return created(admin.send("POST", "/api/admin/mail-accounts", body, Map.of()));
    }

    private static long created(Client.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.id();
    }
}
