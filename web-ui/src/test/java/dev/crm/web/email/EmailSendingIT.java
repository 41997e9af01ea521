package dev.crm.web.email;

import static dev.crm.web.email.EmailApiIT.body;
import static dev.crm.web.email.EmailApiIT.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.crm.app.deal.DealService;
import dev.crm.app.email.EmailSending;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sending e-mails (issue 15, point 2) on PostgreSQL through a real SMTP server (GreenMail): queued by the API and sent
 * after the commit by the tracking processor, exactly once, with its attachment and the Message-ID fixed when queued;
 * a server that is down leaves it queued until it is back; an attempt whose outcome is unknown is not sent again; a
 * refused login stops the account (its e-mails wait, queued, until an admin fixes or resumes it; no password anywhere);
 * a read-model rebuild sends nothing again; a forward, once given its recipients, goes out with the original's
 * attachment.
 */
@CrmIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class EmailSendingIT {

    static final String PASSWORD = "smtp-pass-9X";

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReadModelRebuilder rebuilder;

    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private GreenMail smtp(ServerSetup setup) {
        GreenMail server = new GreenMail(setup).withConfiguration(GreenMailConfiguration.aConfig()
                .withUser("crm@example.com", "crm-login", PASSWORD));
        server.start();
        return server;
    }

    @Test
    void aDraftWithAnAttachmentIsSentOnceWithItsMessageIdAndTheHistoryShowsQueuedThenSent() throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        Api api = new Api(port);
        String manager = api.newUser("sender", "manager");
        account(api, manager, PASSWORD, smtp.getSmtp().getPort());
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Sent order")).id();
        byte[] bytes = "the offer — €100".getBytes(StandardCharsets.UTF_8);
        long file = id(api.upload(manager, deal, "offer.txt", "text/plain", bytes));
        String subject = "Offer " + System.nanoTime();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "body", "Dear Ann,\nhere it is.",
                "to", List.of("ann@acme.test"), "cc", List.of("carl@acme.test"), "deal", deal, "files", List.of(file))));

        Api.Response queued = api.as(manager, "POST", "/api/emails/" + email + "/send", null);
        assertThat(queued.status()).as(queued.text()).isEqualTo(202);
        assertThat(queued.body().get("status").asText()).isIn("queued", "sent");

        JsonNode sent = await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/" + email,
                null).body(), e -> e.get("status").asText().equals("sent"));
        assertThat(sent.get("sent").asBoolean()).isTrue();
        assertThat(Instant.parse(sent.get("sentAt").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(sent.get("failure").isNull()).isTrue();

        // one message, which the server delivered to each of its two recipients
        List<MimeMessage> received = received(smtp, subject);
        assertThat(received).hasSize(2);
        MimeMessage message = received.get(0);
        String messageId = jdbc.queryForObject("SELECT message_id FROM email_attempt WHERE email_id = ? AND attempt = 1",
                String.class, email);
        assertThat(message.getMessageID()).isEqualTo(messageId).startsWith("<").endsWith("@example.com>");
        assertThat(message.getFrom()[0].toString()).isEqualTo("crm@example.com");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        // text/plain UTF-8, its lines ended as SMTP carries them
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                .isEqualTo("Dear Ann,\nhere it is.");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("offer.txt");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("ann@acme.test", "carl@acme.test");

        JsonNode history = api.as(manager, "GET", "/api/objects/" + email + "/history", null).body().get("entries");
        assertThat(history.findValuesAsText("event")).endsWith("EmailQueued", "EmailSent");
        assertThat(history.get(history.size() - 1).get("user").asText()).isEqualTo(manager);
        assertThat(history.get(history.size() - 2).get("user").asText()).isEqualTo(manager);

        // sent once: sending again is refused, and the outbox tab lists it as sent
        assertThat(api.as(manager, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(409);
        assertThat(api.as(manager, "GET", "/api/emails?status=sent&deal=" + deal, null).body().get("total").asLong())
                .isEqualTo(1);

        // a rebuild of the read models replays no sending, and leaves the sender's token where it was
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        // every segment's token (two since issue 17) at the head: an idle segment moves its token too
        await().atMost(Duration.ofSeconds(30)).until(() -> tokens().stream()
                .allMatch(t -> t.contains("\"index\":" + head + ",")));
        String token = token();
        rebuilder.rebuild();
        assertThat(token()).isEqualTo(token);
        assertThat(api.as(manager, "GET", "/api/emails/" + email, null).body().get("status").asText())
                .isEqualTo("sent");
        assertThat(received(smtp, subject)).hasSize(2);
    }

    @Test
    void aReplyIsSentWithInReplyToAndReferencesNamingItsConversationsMessageIds() throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        Api api = new Api(port);
        String manager = api.newUser("replier", "manager");
        account(api, manager, PASSWORD, smtp.getSmtp().getPort());
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Replied order")).id();
        String subject = "Thread " + System.nanoTime();
        long first = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "to",
                List.of("ann@acme.test"), "deal", deal)));
        MimeMessage original = sentAndReceived(api, manager, first, subject);
        assertThat(original.getHeader("In-Reply-To")).isNull();
        assertThat(original.getHeader("References")).isNull();

        // a reply: In-Reply-To and References name the original's Message-ID
        long reply = id(api.as(manager, "POST", "/api/emails/" + first + "/reply", null));
        MimeMessage answer = sentAndReceived(api, manager, reply, "Re: " + subject);
        assertThat(answer.getMessageID()).isNotEqualTo(original.getMessageID());
        assertThat(answer.getHeader("In-Reply-To")).containsExactly(original.getMessageID());
        assertThat(answer.getHeader("References")).containsExactly(original.getMessageID());

        // a reply to the reply: In-Reply-To the reply, References the conversation's first message, then the reply
        long again = id(api.as(manager, "POST", "/api/emails/" + reply + "/reply", null));
        MimeMessage third = sentAndReceived(api, manager, again, "Re: " + subject);
        assertThat(third.getHeader("In-Reply-To")).containsExactly(answer.getMessageID());
        assertThat(third.getHeader("References")).containsExactly(original.getMessageID() + " "
                + answer.getMessageID());
    }

    @Test
    void aForwardGivenItsRecipientsIsSentWithTheOriginalsAttachment() throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        Api api = new Api(port);
        String manager = api.newUser("forwarder", "manager");
        account(api, manager, PASSWORD, smtp.getSmtp().getPort());
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Forwarded order")).id();
        byte[] bytes = "the offer — €100".getBytes(StandardCharsets.UTF_8);
        long file = id(api.upload(manager, deal, "offer.txt", "text/plain", bytes));
        String subject = "Passed on " + System.nanoTime();
        long original = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "body", "Dear Ann,\nhere it is.",
                "to", List.of("ann@acme.test"), "deal", deal, "files", List.of(file))));
        sentAndReceived(api, manager, original, subject);

        long draft = id(api.as(manager, "POST", "/api/emails/" + original + "/forward", null));
        Api.Response addressed = api.as(manager, "PATCH", "/api/emails/" + draft, body("to",
                List.of("dora@partner.test")));
        assertThat(addressed.status()).as(addressed.text()).isEqualTo(200);

        MimeMessage message = sentAndReceived(api, manager, draft, "Fwd: " + subject);
        assertThat(Arrays.stream(message.getAllRecipients()).map(Object::toString)).containsExactly("dora@partner.test");
        assertThat(message.getHeader("In-Reply-To")).isNull();
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
                .contains("Forwarded message").contains("From: crm@example.com").contains("To: ann@acme.test")
                .endsWith("Dear Ann,\nhere it is.");
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("offer.txt");
        try (InputStream in = attachment.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    /** Sends the draft, waits until it is sent, and answers the one message the server got with its Message-ID. */
    private MimeMessage sentAndReceived(Api api, String user, long email, String subject) throws Exception {
        assertThat(api.as(user, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as(user, "GET", "/api/emails/" + email, null).body()
                .get("status").asText(), "sent"::equals);
        String messageId = jdbc.queryForObject("SELECT message_id FROM email_attempt WHERE email_id = ? "
                + "AND outcome = 'sent'", String.class, email);
        List<MimeMessage> received = received(smtp, subject).stream().filter(m -> {
            try {
                return messageId.equals(m.getMessageID());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).hasSize(1);
        return received.get(0);
    }

    @Test
    void aServerThatIsDownLeavesItQueuedUntilItIsBackThenItIsDeliveredOnce() throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        int smtpPort = smtp.getSmtp().getPort();
        smtp.stop();
        Api api = new Api(port);
        String manager = api.newUser("downsender", "manager");
        account(api, manager, PASSWORD, smtpPort);
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Later order")).id();
        String subject = "Later " + System.nanoTime();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "to",
                List.of("ann@acme.test"), "deal", deal)));
        assertThat(api.as(manager, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(202);

        // the try failed for now: it waits for the server, and the e-mail stays queued
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList("SELECT outcome FROM email_attempt "
                + "WHERE email_id = ?", String.class, email), outcomes -> outcomes.equals(List.of("retry")));
        assertThat(api.as(manager, "GET", "/api/emails/" + email, null).body().get("status").asText())
                .isEqualTo("queued");

        smtp = smtp(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        await().atMost(Duration.ofSeconds(120)).until(() -> api.as(manager, "GET", "/api/emails/" + email, null)
                .body().get("status").asText(), "sent"::equals);
        assertThat(received(smtp, subject)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM email_attempt WHERE email_id = ?", String.class, email))
                .containsExactly("sent");
    }

    @Test
    void anAttemptWithoutAnOutcomeIsNotSentAgainButFailsWithTheUnknownOutcome() throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        Api api = new Api(port);
        String manager = api.newUser("unknownsender", "manager");
        account(api, manager, PASSWORD, smtp.getSmtp().getPort());
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Unknown order")).id();
        String subject = "Unknown " + System.nanoTime();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "to",
                List.of("ann@acme.test"), "deal", deal)));
        TrackingEventProcessor sender = processing.eventProcessor(EmailSending.GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        sender.shutDown();
        try {
            assertThat(api.as(manager, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(202);
            // as a crash leaves it: the attempt started, no outcome, the event not yet past the token
            jdbc.update("INSERT INTO email_attempt (email_id, attempt, message_id, account, queued_by, started_at, "
                    + "tried_at) VALUES (?, 1, '<lost@example.com>', 0, ?, now(), now())", email, manager);
        } finally {
            sender.start();
        }
        JsonNode failed = await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/"
                + email, null).body(), e -> e.get("status").asText().equals("failed"));
        assertThat(failed.get("failure").asText()).isEqualTo(EmailSending.UNKNOWN_OUTCOME);
        assertThat(failed.get("sent").asBoolean()).isFalse();
        assertThat(received(smtp, subject)).isEmpty();

        // the user decides: sent again, it is a new attempt, delivered once
        assertThat(api.as(manager, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/" + email, null)
                .body().get("status").asText(), "sent"::equals);
        assertThat(received(smtp, subject)).hasSize(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM email_attempt WHERE email_id = ? ORDER BY attempt",
                String.class, email)).containsExactly("unknown", "sent");
    }

    @Test
    void aRefusedLoginStopsTheAccountItsEmailsWaitQueuedAndGoOutOnceItsPasswordIsFixed(CapturedOutput output)
            throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        Api api = new Api(port);
        String manager = api.newUser("badlogin", "manager");
        String wrong = "wrong-" + System.nanoTime();
        long account = account(api, manager, wrong, smtp.getSmtp().getPort());
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Refused order")).id();
        String subject = "Refused " + System.nanoTime();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "to",
                List.of("ann@acme.test"), "deal", deal)));
        assertThat(api.as(manager, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(202);

        // the account is stopped by the system, with the server's reason and no password
        JsonNode stopped = await().atMost(Duration.ofSeconds(60)).until(() -> api.as("admin", "GET",
                "/api/admin/mail-accounts/" + account, null).body(), a -> !a.get("stopped").isNull());
        assertThat(stopped.get("stopped").asText()).contains("refused the account's login").contains("535")
                .doesNotContain(wrong);
        JsonNode accountHistory = api.as("admin", "GET", "/api/objects/" + account + "/history", null).body()
                .get("entries");
        JsonNode stop = accountHistory.get(accountHistory.size() - 1);
        assertThat(stop.get("event").asText()).isEqualTo("MailAccountStopped");
        assertThat(stop.get("user").asText()).isEqualTo("system");
        assertThat(stop.toString()).doesNotContain(wrong);

        // the e-mail that met the refusal stays queued, its history saying why it waits
        JsonNode waiting = await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/"
                + email, null).body(), e -> !e.get("failure").isNull());
        assertThat(waiting.get("status").asText()).isEqualTo("queued");
        assertThat(waiting.get("failure").asText()).contains("stopped").contains("refused the account's login")
                .doesNotContain(wrong);
        JsonNode history = api.as(manager, "GET", "/api/objects/" + email + "/history", null).body().get("entries");
        assertThat(history.findValuesAsText("event")).endsWith("EmailQueued", "EmailWaiting");

        // a later one through the stopped account is not tried: it waits too
        String later = "Refused later " + System.nanoTime();
        long second = id(api.as(manager, "POST", "/api/emails", body("subject", later, "to",
                List.of("bea@acme.test"), "deal", deal)));
        assertThat(api.as(manager, "POST", "/api/emails/" + second + "/send", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/objects/" + second
                + "/history", null).body().get("entries").findValuesAsText("event"),
                events -> events.get(events.size() - 1).equals("EmailWaiting"));
        assertThat(api.as(manager, "GET", "/api/emails/" + second, null).body().get("status").asText())
                .isEqualTo("queued");
        assertThat(api.as(manager, "GET", "/api/emails?status=failed&deal=" + deal, null).body().get("total")
                .asLong()).isZero();
        assertThat(jdbc.queryForList("SELECT outcome FROM email_attempt WHERE email_id IN (?, ?)", String.class, email,
                second)).containsExactly("retry", "retry");
        assertThat(received(smtp, subject)).isEmpty();
        assertThat(received(smtp, later)).isEmpty();

        // the admin corrects the password: the stop is lifted, and both go out by themselves, once each
        Api.Response fixed = api.as("admin", "PATCH", "/api/admin/mail-accounts/" + account,
                body("password", PASSWORD));
        assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
        assertThat(fixed.body().get("stopped").isNull()).isTrue();
        for (long each : List.of(email, second)) {
            JsonNode sent = await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/"
                    + each, null).body(), e -> e.get("status").asText().equals("sent"));
            assertThat(sent.get("failure").isNull()).isTrue();
        }
        assertThat(received(smtp, subject)).hasSize(1);
        assertThat(received(smtp, later)).hasSize(1);
        assertThat(api.as("admin", "GET", "/api/objects/" + account + "/history", null).body().get("entries")
                .findValuesAsText("event")).endsWith("MailAccountStopped", "MailAccountChanged", "MailAccountResumed");
        assertThat(api.as(manager, "GET", "/api/objects/" + email + "/history", null).body().get("entries")
                .findValuesAsText("event")).endsWith("EmailQueued", "EmailWaiting", "EmailSent");
        assertThat(output.getAll()).doesNotContain(wrong);
    }

    @Test
    void anAdminResumesAStoppedAccountWithoutChangingItAndItsWaitingEmailGoesOut() throws Exception {
        smtp = smtp(ServerSetupTest.SMTP.dynamicPort());
        Api api = new Api(port);
        String manager = api.newUser("resumed", "manager");
        String other = "other-" + System.nanoTime();
        long account = account(api, manager, other, smtp.getSmtp().getPort());
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Resumed order")).id();
        String subject = "Resumed " + System.nanoTime();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", subject, "to",
                List.of("ann@acme.test"), "deal", deal)));
        assertThat(api.as(manager, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as("admin", "GET", "/api/admin/mail-accounts/"
                + account, null).body(), a -> !a.get("stopped").isNull());
        assertThat(api.as(manager, "POST", "/api/admin/mail-accounts/" + account + "/resume", null).status())
                .isEqualTo(403);

        // the server's side is fixed (the login now takes the account's password): the admin resumes it
        smtp.getUserManager().getUser("crm-login").setPassword(other);
        Api.Response resumed = api.as("admin", "POST", "/api/admin/mail-accounts/" + account + "/resume", null);
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
        assertThat(resumed.body().get("stopped").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/" + email, null)
                .body().get("status").asText(), "sent"::equals);
        assertThat(received(smtp, subject)).hasSize(1);
        assertThat(api.as("admin", "GET", "/api/objects/" + account + "/history", null).body().get("entries")
                .findValuesAsText("event")).endsWith("MailAccountStopped", "MailAccountResumed");
        // resuming one that sends changes nothing
        assertThat(api.as("admin", "POST", "/api/admin/mail-accounts/" + account + "/resume", null).status())
                .isEqualTo(200);
        assertThat(api.as("admin", "GET", "/api/objects/" + account + "/history", null).body().get("entries")
                .findValuesAsText("event")).endsWith("MailAccountStopped", "MailAccountResumed");
    }

    @Test
    void noMainAccountIsAConflictNamingTheFixAndOnlyWhoMayChangeItSendsIt() {
        Api api = new Api(port);
        String manager = api.newUser("nomail", "manager");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Unmailed order")).id();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", "No account", "to",
                List.of("ann@acme.test"), "deal", deal)));
        Api.Response refused = api.as(manager, "POST", "/api/emails/" + email + "/send", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text()).contains("no main mail account").contains("Mail accounts");
        assertThat(api.as(manager, "GET", "/api/emails/" + email, null).body().get("status").asText())
                .isEqualTo("draft");
        String chief = api.newUser("mailchief", "chief");
        assertThat(api.as(chief, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(403);
        String stranger = api.newUser("mailstranger", "manager");
        assertThat(api.as(stranger, "POST", "/api/emails/" + email + "/send", null).status()).isEqualTo(404);
    }

    private String token() {
        return tokens().toString();
    }

    private List<String> tokens() {
        return jdbc.queryForList("SELECT encode(token, 'escape') FROM tokenentry WHERE processorname = ? "
                + "ORDER BY segment", String.class, EmailSending.GROUP);
    }

    private static List<MimeMessage> received(GreenMail server, String subject) {
        return Arrays.stream(server.getReceivedMessages()).filter(m -> {
            try {
                return subject.equals(m.getSubject());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The owner's main mail account on the local server. */
    static long account(Api api, String owner, String password, int smtpPort) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Desk of " + owner);
        body.put("host", "127.0.0.1");
        body.put("port", smtpPort);
        body.put("security", "none");
        body.put("username", "crm-login");
        body.put("password", password);
        body.put("from", "crm@example.com");
        body.put("owner", owner);
        body.put("main", true);
        body.put("massmail", false);
        body.put("dailyLimit", 200);
        body.put("intervalSeconds", 15);
        Api.Response created = api.as("admin", "POST", "/api/admin/mail-accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }
}
