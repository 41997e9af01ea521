package dev.crm.app.email;

import dev.crm.app.CommandSender;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.Rejected;
import dev.crm.command.email.EmailCommands.RecordEmailFailed;
import dev.crm.command.email.EmailCommands.RecordEmailSent;
import dev.crm.command.email.EmailCommands.RecordEmailWaiting;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailQueued;
import dev.crm.shared.email.EmailStatus;
import dev.crm.shared.reference.ReferenceKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a queued e-mail after the command that queued it committed: the handler of a <em>tracking</em> processor
 * ({@value #GROUP}, configured in the web module's {@code AxonConfig}) whose token lives in Axon's JDBC token store in
 * the CRM database, so that one instance at a time holds its segment. Not a read model: a rebuild of the read models
 * never replays it (it is outside {@code dev.crm.query}) and leaves its token and {@code email_attempt} alone.
 *
 * <p>At most once per attempt (docs/reliability.md, "E-mail: what exactly once rests on"): before the mail server is
 * spoken to, the attempt's row ({@code email_attempt}) is committed without an outcome; its outcome is set in the
 * transaction that records {@code EmailSent} or {@code EmailFailed}. A queued event seen again whose attempt has a row
 * without an outcome (the CRM stopped in between) is not sent again: it fails with {@link #UNKNOWN_OUTCOME}, and the
 * user decides; so does a try that has had no outcome for {@link #STALE} (a crash during a retry).
 *
 * <p>A mail server not reachable now (no connection, a timeout, a 4xx answer) leaves the e-mail queued without holding
 * up the others: the row waits as {@code retry}, and {@link #retryDue} tries it again with a growing back-off (2, 4, …
 * up to {@value #MAX_BACKOFF_SECONDS} seconds), each try claimed by one instance through its row, until
 * {@code crm.mail.retry-for} (a day) has passed: then it fails. A refusal for good (5xx, a bad address) fails it with
 * the server's reason, never a password. A refused login ({@link SmtpFailures#authentication}) stops the account
 * ({@link MailAccounts#stop}): that e-mail and every later one through it are not tried and stay queued, their history
 * saying why ({@code EmailWaiting}), until an administrator fixes or resumes the account; then {@link #retryDue} sends
 * them. The actor of the outcome is the user who queued it.
 */
@Component
@ProcessingGroup(EmailSending.GROUP)
public class EmailSending {

    public static final String GROUP = "email-sending";
    /** The failure of an attempt that started but whose outcome was not recorded. */
    public static final String UNKNOWN_OUTCOME =
            "unknown outcome after a restart — check the recipient before sending again";
    /** How long a try may go without an outcome before it counts as unknown (well over the SMTP timeouts). */
    static final Duration STALE = Duration.ofMinutes(10);
    static final int MAX_BACKOFF_SECONDS = 300;
    private static final Logger LOG = LoggerFactory.getLogger(EmailSending.class);

    private final FieldsQueries queries;
    private final MailAccounts accounts;
    private final EmailMessages messages;
    private final CommandSender commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;
    private final Clock clock;
    private final Duration retryFor;

    EmailSending(FieldsQueries queries, MailAccounts accounts, EmailMessages messages, CommandSender commands,
                 JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                 @Value("${crm.mail.retry-for:1d}") Duration retryFor) {
        this.queries = queries;
        this.accounts = accounts;
        this.messages = messages;
        this.commands = commands;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retryFor = retryFor;
    }

    /** One attempt as its row keeps it. */
    record Attempt(long emailId, int attempt, String messageId, long account, String queuedBy, Instant startedAt,
                   int tries) {
        Actor actor() {
            return Actor.of(queuedBy);
        }
    }

    @EventHandler
    void on(EmailQueued e, MetaData metaData) {
        Attempt attempt = new Attempt(e.emailId(), e.attempt(), e.messageId(), e.account(),
                Actor.fromMetaData(metaData).username(), clock.instant(), 1);
        FieldsView email = queued(attempt);
        if (email == null || laterAttempt(attempt)) {
            return; // its outcome is recorded already, or it was deleted
        }
        List<String> outcome = jdbc.queryForList("SELECT COALESCE(outcome, '') FROM email_attempt WHERE email_id = ? "
                + "AND attempt = ?", String.class, e.emailId(), e.attempt());
        if (!outcome.isEmpty()) {
            if (outcome.get(0).isEmpty()) {
                LOG.warn("E-mail {} attempt {} started before a restart without an outcome: not sent again",
                        e.emailId(), e.attempt());
                fail(attempt, UNKNOWN_OUTCOME, "unknown");
            }
            return; // done, or waiting for the server (retryDue)
        }
        Timestamp now = Timestamp.from(attempt.startedAt());
        own.executeWithoutResult(s -> jdbc.update("INSERT INTO email_attempt (email_id, attempt, message_id, account, "
                + "queued_by, started_at, tried_at) VALUES (?, ?, ?, ?, ?, ?, ?)", e.emailId(), e.attempt(),
                e.messageId(), e.account(), attempt.queuedBy(), now, now));
        deliver(attempt, email);
    }

    /**
     * Tries again the attempts that wait for their mail server and are due, each claimed through its row (committed
     * without an outcome before the server is spoken to); fails those whose try has had no outcome for {@link #STALE}.
     */
    @Scheduled(fixedDelayString = "${crm.mail.retry-poll:1s}", initialDelayString = "${crm.mail.retry-poll:1s}")
    public void retryDue() {
        Instant now = clock.instant();
        for (Attempt stale : attempts("outcome IS NULL AND tried_at < ?", Timestamp.from(now.minus(STALE)))) {
            LOG.warn("E-mail {} attempt {} has had no outcome since before {}: not sent again", stale.emailId(),
                    stale.attempt(), now.minus(STALE));
            failSafely(stale, UNKNOWN_OUTCOME, "unknown");
        }
        Map<Long, Boolean> stopped = new HashMap<>();
        for (Attempt due : attempts("outcome = 'retry' AND next_try_at <= ?", Timestamp.from(now))) {
            if (stopped.computeIfAbsent(due.account(), a -> accounts.stopped(a).isPresent())) {
                continue; // it waits until its account is resumed
            }
            Integer claimed = own.execute(s -> jdbc.update("UPDATE email_attempt SET outcome = NULL, tried_at = ? "
                    + "WHERE email_id = ? AND attempt = ? AND outcome = 'retry'", Timestamp.from(clock.instant()),
                    due.emailId(), due.attempt()));
            if (claimed == null || claimed == 0) {
                continue; // another instance took it
            }
            FieldsView email = queued(due);
            if (email == null) {
                jdbc.update("UPDATE email_attempt SET outcome = 'gone' WHERE email_id = ? AND attempt = ?",
                        due.emailId(), due.attempt());
                continue;
            }
            try {
                deliver(due, email);
            } catch (RuntimeException e) {
                LOG.warn("E-mail {} attempt {}: its outcome could not be recorded: {}", due.emailId(), due.attempt(),
                        e.toString());
            }
        }
    }

    /** Sends it, and records the outcome: sent, failed, or waiting as {@code retry}. */
    private void deliver(Attempt attempt, FieldsView email) {
        Optional<String> stopped = accounts.stopped(attempt.account());
        if (stopped.isPresent()) {
            waitFor(attempt, stopped.get());
            return;
        }
        String password = null;
        try {
            password = accounts.passwordOf(attempt.account()).orElse(null);
            accounts.senderOf(attempt.account()).send(messages.of(email, from(attempt.account()),
                    attempt.messageId()));
        } catch (Rejected.NotFound gone) {
            fail(attempt, "The mail account " + attempt.account() + " no longer exists", "failed");
            return;
        } catch (MailException | EmailMessages.Unreadable problem) {
            String reason = problem instanceof MailException mail ? SmtpFailures.reason(mail, password)
                    : problem.getMessage();
            if (problem instanceof MailException mail && SmtpFailures.authentication(mail)) {
                try {
                    accounts.stop(attempt.account(), reason);
                } catch (Rejected gone) {
                    fail(attempt, "The mail account " + attempt.account() + " no longer exists", "failed");
                    return;
                }
                waitFor(attempt, reason);
            } else if (problem instanceof MailException mail && SmtpFailures.temporary(mail)) {
                later(attempt, reason);
            } else {
                LOG.info("E-mail {} attempt {} failed: {}", attempt.emailId(), attempt.attempt(), reason);
                fail(attempt, reason, "failed");
            }
            return;
        }
        joined.executeWithoutResult(s -> {
            commands.send(new RecordEmailSent(attempt.emailId(), attempt.attempt(), clock.instant()),
                    attempt.actor());
            outcome(attempt, "sent");
        });
        LOG.info("E-mail {} sent (attempt {}, {})", attempt.emailId(), attempt.attempt(), attempt.messageId());
    }

    /** The server is not reachable now: it waits (committed at once), or fails once it has waited too long. */
    private void later(Attempt attempt, String reason) {
        Instant now = clock.instant();
        if (now.isAfter(attempt.startedAt().plus(retryFor))) {
            fail(attempt, "The mail server was not reachable for " + retryFor.toHours() + " hours: " + reason,
                    "failed");
            return;
        }
        long wait = Math.min(MAX_BACKOFF_SECONDS, 1L << Math.min(20, attempt.tries()));
        own.executeWithoutResult(s -> jdbc.update("UPDATE email_attempt SET outcome = 'retry', tries = ?, "
                + "next_try_at = ? WHERE email_id = ? AND attempt = ?", attempt.tries() + 1,
                Timestamp.from(now.plusSeconds(wait)), attempt.emailId(), attempt.attempt()));
        LOG.warn("E-mail {} stays queued, the mail server is not reachable now (again in {} s): {}",
                attempt.emailId(), wait, reason);
    }

    /**
     * Its account is stopped (the server refused its login): it stays queued, its history says why, and its row waits
     * as {@code retry}, due now, which {@link #retryDue} leaves alone while the account stays stopped.
     */
    private void waitFor(Attempt attempt, String stopReason) {
        String reason = "Waiting: sending through mail account " + attempt.account() + " is stopped — " + stopReason;
        joined.executeWithoutResult(s -> {
            commands.send(new RecordEmailWaiting(attempt.emailId(), attempt.attempt(), reason), attempt.actor());
            jdbc.update("UPDATE email_attempt SET outcome = 'retry', next_try_at = ? WHERE email_id = ? "
                    + "AND attempt = ?", Timestamp.from(clock.instant()), attempt.emailId(), attempt.attempt());
        });
        LOG.info("E-mail {} attempt {} waits: mail account {} is stopped", attempt.emailId(), attempt.attempt(),
                attempt.account());
    }

    /** The e-mail, if it is live and queued. */
    private FieldsView queued(Attempt attempt) {
        FieldsView email = queries.find(EmailKind.KIND, attempt.emailId()).orElse(null);
        return email == null || email.deleted()
                || !EmailStatus.QUEUED.apiName().equals(email.get(EmailKind.STATUS)) ? null : email;
    }

    private boolean laterAttempt(Attempt attempt) {
        Integer later = jdbc.queryForObject("SELECT COUNT(*) FROM email_attempt WHERE email_id = ? AND attempt > ?",
                Integer.class, attempt.emailId(), attempt.attempt());
        return later != null && later > 0;
    }

    private List<Attempt> attempts(String where, Object... args) {
        return jdbc.query("SELECT * FROM email_attempt WHERE " + where + " ORDER BY next_try_at, email_id",
                (rs, n) -> new Attempt(rs.getLong("email_id"), rs.getInt("attempt"), rs.getString("message_id"),
                        rs.getLong("account"), rs.getString("queued_by"), rs.getTimestamp("started_at").toInstant(),
                        rs.getInt("tries")), args);
    }

    private String from(long account) {
        return accounts.account(account).map(a -> a.value(ReferenceKind.Fields.FROM.name()))
                .orElseThrow(() -> new Rejected.NotFound(account));
    }

    private void fail(Attempt attempt, String reason, String outcome) {
        joined.executeWithoutResult(s -> {
            commands.send(new RecordEmailFailed(attempt.emailId(), attempt.attempt(), reason), attempt.actor());
            outcome(attempt, outcome);
        });
    }

    /** A stale try whose e-mail may have an outcome already (or be gone): its row is closed either way. */
    private void failSafely(Attempt attempt, String reason, String outcome) {
        if (queued(attempt) == null) {
            jdbc.update("UPDATE email_attempt SET outcome = 'gone' WHERE email_id = ? AND attempt = ? AND outcome IS "
                    + "NULL", attempt.emailId(), attempt.attempt());
            return;
        }
        try {
            fail(attempt, reason, outcome);
        } catch (Rejected e) {
            jdbc.update("UPDATE email_attempt SET outcome = 'gone' WHERE email_id = ? AND attempt = ? AND outcome IS "
                    + "NULL", attempt.emailId(), attempt.attempt());
        }
    }

    private void outcome(Attempt attempt, String outcome) {
        if (jdbc.update("UPDATE email_attempt SET outcome = ? WHERE email_id = ? AND attempt = ?", outcome,
                attempt.emailId(), attempt.attempt()) == 0) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update("INSERT INTO email_attempt (email_id, attempt, message_id, account, queued_by, started_at, "
                    + "tried_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", attempt.emailId(), attempt.attempt(),
                    attempt.messageId(), attempt.account(), attempt.queuedBy(), now, now, outcome);
        }
    }
}
