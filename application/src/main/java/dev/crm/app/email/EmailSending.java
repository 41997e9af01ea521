package dev.crm.app.email;

import dev.crm.app.CommandSender;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.Rejected;
import dev.crm.command.email.EmailCommands.RecordEmailFailed;
import dev.crm.command.email.EmailCommands.RecordEmailSent;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailQueued;
import dev.crm.shared.email.EmailStatus;
import dev.crm.shared.reference.ReferenceKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
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
 * spoken to, the attempt's row ({@code email_attempt}) is committed; its outcome is set in the transaction that
 * records {@code EmailSent} or {@code EmailFailed} (with the processor's token). A queued event seen again whose
 * attempt has a row without an outcome (the CRM stopped in between) is not sent again: it fails with
 * {@link #UNKNOWN_OUTCOME}, and the user decides. A server that is not reachable now (no connection, a timeout, a 4xx
 * answer) leaves the e-mail queued: the attempt's row is removed and the processor retries the event with a growing
 * back-off; a refusal for good (5xx, a bad address, a refused login) fails it with the server's reason, never a
 * password. The actor of the outcome is the user who queued it (the history shows them).
 */
@Component
@ProcessingGroup(EmailSending.GROUP)
public class EmailSending {

    public static final String GROUP = "email-sending";
    /** The failure of an attempt that started but whose outcome was not recorded. */
    public static final String UNKNOWN_OUTCOME =
            "unknown outcome after a restart — check the recipient before sending again";
    private static final Logger LOG = LoggerFactory.getLogger(EmailSending.class);

    private final FieldsQueries queries;
    private final MailAccounts accounts;
    private final EmailMessages messages;
    private final CommandSender commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    EmailSending(FieldsQueries queries, MailAccounts accounts, EmailMessages messages, CommandSender commands,
                 JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.messages = messages;
        this.commands = commands;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @EventHandler
    void on(EmailQueued e, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        FieldsView email = queries.find(EmailKind.KIND, e.emailId()).orElse(null);
        if (email == null || email.deleted() || !EmailStatus.QUEUED.apiName().equals(email.get(EmailKind.STATUS))
                || laterAttempt(e)) {
            return; // its outcome is recorded already, or it was deleted
        }
        List<String> outcome = jdbc.queryForList("SELECT COALESCE(outcome, '') FROM email_attempt WHERE email_id = ? "
                + "AND attempt = ?", String.class, e.emailId(), e.attempt());
        if (!outcome.isEmpty()) {
            if (outcome.get(0).isEmpty()) {
                LOG.warn("E-mail {} attempt {} started before a restart without an outcome: not sent again",
                        e.emailId(), e.attempt());
                fail(e, actor, UNKNOWN_OUTCOME, "unknown");
            }
            return;
        }
        own.executeWithoutResult(s -> jdbc.update("INSERT INTO email_attempt (email_id, attempt, message_id, "
                + "started_at) VALUES (?, ?, ?, ?)", e.emailId(), e.attempt(), e.messageId(),
                Timestamp.from(clock.instant())));
        String password = null;
        try {
            password = accounts.passwordOf(e.account()).orElse(null);
            accounts.senderOf(e.account()).send(messages.of(email, from(e.account()), e.messageId()));
        } catch (Rejected.NotFound gone) {
            fail(e, actor, "The mail account " + e.account() + " no longer exists", "failed");
            return;
        } catch (MailException | EmailMessages.Unreadable problem) {
            String reason = problem instanceof MailException mail ? SmtpFailures.reason(mail, password)
                    : problem.getMessage();
            if (problem instanceof MailException mail && SmtpFailures.temporary(mail)) {
                own.executeWithoutResult(s -> jdbc.update("DELETE FROM email_attempt WHERE email_id = ? AND "
                        + "attempt = ?", e.emailId(), e.attempt()));
                LOG.info("E-mail {} stays queued, the mail server is not reachable now: {}", e.emailId(), reason);
                throw new TryLater(reason);
            }
            LOG.info("E-mail {} attempt {} failed: {}", e.emailId(), e.attempt(), reason);
            fail(e, actor, reason, "failed");
            return;
        }
        commands.send(new RecordEmailSent(e.emailId(), e.attempt(), clock.instant()), actor);
        outcome(e, "sent");
        LOG.info("E-mail {} sent (attempt {}, {})", e.emailId(), e.attempt(), e.messageId());
    }

    private boolean laterAttempt(EmailQueued e) {
        Integer later = jdbc.queryForObject("SELECT COUNT(*) FROM email_attempt WHERE email_id = ? AND attempt > ?",
                Integer.class, e.emailId(), e.attempt());
        return later != null && later > 0;
    }

    private String from(long account) {
        return accounts.account(account).map(a -> a.value(ReferenceKind.Fields.FROM.name()))
                .orElseThrow(() -> new Rejected.NotFound(account));
    }

    private void fail(EmailQueued e, Actor actor, String reason, String outcome) {
        commands.send(new RecordEmailFailed(e.emailId(), e.attempt(), reason), actor);
        if (jdbc.update("UPDATE email_attempt SET outcome = ? WHERE email_id = ? AND attempt = ?", outcome,
                e.emailId(), e.attempt()) == 0) {
            jdbc.update("INSERT INTO email_attempt (email_id, attempt, message_id, started_at, outcome) VALUES (?, ?, "
                    + "?, ?, ?)", e.emailId(), e.attempt(), e.messageId(), Timestamp.from(clock.instant()), outcome);
        }
    }

    private void outcome(EmailQueued e, String outcome) {
        jdbc.update("UPDATE email_attempt SET outcome = ? WHERE email_id = ? AND attempt = ?", outcome, e.emailId(),
                e.attempt());
    }

    /** The mail server cannot be reached now: the processor tries the event again later (its error back-off). */
    public static final class TryLater extends RuntimeException {
        TryLater(String reason) {
            super("the mail server is not reachable now, the e-mail stays queued: " + reason);
        }
    }
}
