package dev.crm.app.campaign;

import dev.crm.app.CommandSender;
import dev.crm.app.email.SmtpFailures;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.Rejected;
import dev.crm.command.campaign.CampaignCommands.FinishCampaign;
import dev.crm.command.campaign.CampaignCommands.Outcome;
import dev.crm.command.campaign.CampaignCommands.PauseCampaign;
import dev.crm.command.campaign.CampaignCommands.RecordCampaignWaiting;
import dev.crm.command.campaign.CampaignCommands.RecordRecipient;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsTables;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.reference.ReferenceKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends running campaigns, on every instance: each poll ({@code crm.mail.campaign-poll}) takes the running and waiting
 * campaigns and their recipients without a delivery row, in their order (contacts, leads, companies). Not a read
 * model, not replayed by a rebuild: its state is in {@code campaign_delivery} and {@code mail_account_pace}.
 *
 * <p>At most once per recipient (docs/reliability.md, "Campaigns: what exactly once rests on"): a recipient is
 * claimed by inserting its delivery row (primary key: campaign, kind, ID), committed <em>before</em> the mail server
 * is spoken to; the outcome is set in the transaction that records the recipient's event. Another instance that
 * tries the same recipient fails to insert and goes on. A row without an outcome older than
 * {@code crm.mail.stale-after} is a send whose outcome is unknown (the process died): never sent again, recorded as
 * failed ({@link #UNKNOWN_OUTCOME}).
 *
 * <p>Each message first claims its place in its account's pace ({@link AccountPace}: the daily limit, the interval).
 * Outside the business hours ({@code crm.mail.business-hours}), at the daily limit, or with the mail server
 * unreachable (then the row is deleted: nothing was sent, and it is tried again with a growing back-off), the
 * campaign waits, with the reason and until when; it goes on by itself. A refused login pauses it
 * ({@link #loginRefused}). Unsubscribed, disqualified, deleted recipients and those without an address are skipped;
 * an invalid address or a refusal of the server fails that recipient alone.
 */
@Component
public class CampaignSender {

    /** Why it waits or stopped, and why a recipient was skipped or failed: keys the pages say in words. */
    public static final String DAILY_LIMIT = "daily-limit";
    public static final String BUSINESS_HOURS = "business-hours";
    public static final String SERVER_UNREACHABLE = "server-unreachable";
    public static final String LOGIN_REFUSED = "login-refused";
    public static final String ACCOUNT_UNUSABLE = "account-unusable";
    public static final String UNSUBSCRIBED = "unsubscribed";
    public static final String DISQUALIFIED = "disqualified";
    public static final String NO_ADDRESS = "no-address";
    public static final String DELETED = "deleted";
    public static final String INVALID_ADDRESS = "invalid-address";
    public static final String UNKNOWN_OUTCOME = "unknown-outcome";
    /** A lead's flag (any kind with a field of that name): disqualified leads are skipped. */
    static final String DISQUALIFIED_FIELD = LeadKind.DISQUALIFIED.name();
    /** At most this many recipients of one campaign in one poll, so that a poll ends. */
    static final int PER_POLL = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(CampaignSender.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FieldsQueries queries;
    private final MailAccounts accounts;
    private final CampaignMail mail;
    private final AccountPace pace;
    private final CommandSender commands;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final TransactionTemplate joined;
    private final MessageSource texts;
    private final Duration staleAfter;
    private final Duration maxBackoff;
    private final Map<Long, Integer> unreachableTries = new ConcurrentHashMap<>();
    private volatile Clock clock;
    private volatile BusinessHours hours;
    /** Whether this instance sends campaigns ({@code CRM_MAIL_CAMPAIGN_SENDING}): one that does not leaves it to others. */
    private final boolean sends;

    CampaignSender(FieldsQueries queries, MailAccounts accounts, CampaignMail mail, AccountPace pace,
                   CommandSender commands, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                   MessageSource texts, Clock clock,
                   @Value("${crm.mail.business-hours:}") String businessHours,
                   @Value("${crm.mail.stale-after:10m}") Duration staleAfter,
                   @Value("${crm.mail.campaign-max-backoff:300s}") Duration maxBackoff,
                   @Value("${crm.mail.campaign-sending:true}") boolean sends) {
        this.queries = queries;
        this.accounts = accounts;
        this.mail = mail;
        this.pace = pace;
        this.commands = commands;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.joined = new TransactionTemplate(transactions);
        this.texts = texts;
        this.clock = clock;
        this.hours = BusinessHours.parse(businessHours);
        this.staleAfter = staleAfter;
        this.maxBackoff = maxBackoff;
        this.sends = sends;
        LOG.info(sends ? "Campaigns are sent {}" : "This instance sends no campaigns (crm.mail.campaign-sending=false)",
                this.hours);
    }

    /** (tests) Another clock for its decisions: the day of the limits, the business hours, the back-off. */
    public void useClock(Clock clock) {
        this.clock = clock;
    }

    /** (tests) Other business hours ({@code Mon-Fri 09:00-18:00 Europe/Berlin}; empty: always). */
    public void useBusinessHours(String text) {
        this.hours = BusinessHours.parse(text);
    }

    /** One recipient of a campaign. */
    record Recipient(Kind kind, long id) {
        String key() {
            return kind.name() + ":" + id;
        }
    }

    /** Works on every running or waiting campaign, one poll at a time in this process (other instances may poll too). */
    @Scheduled(fixedDelayString = "${crm.mail.campaign-poll:2s}", initialDelayString = "${crm.mail.campaign-poll:2s}")
    public synchronized void poll() {
        if (!sends) {
            return;
        }
        List<Long> campaigns = jdbc.queryForList("SELECT id FROM " + FieldsTables.table(CampaignKind.KIND)
                + " WHERE status IN (?, ?) AND NOT deleted ORDER BY id", Long.class,
                CampaignStatus.RUNNING.apiName(), CampaignStatus.WAITING.apiName());
        for (long campaign : campaigns) {
            try {
                work(campaign);
            } catch (RuntimeException e) {
                LOG.warn("Campaign {}: sending stopped for now: {}", campaign, e.toString());
            }
        }
    }

    /** Closes its stale sends, then sends what its pace, the hours and its server allow, then ends it when all went. */
    void work(long id) {
        closeStale(id);
        FieldsView campaign = sending(id);
        if (campaign == null) {
            return;
        }
        Instant now = clock.instant();
        String until = campaign.get(CampaignKind.UNTIL);
        if (CampaignStatus.WAITING.apiName().equals(campaign.get(CampaignKind.STATUS)) && until != null
                && now.isBefore(Instant.parse(until))) {
            return;
        }
        Long account = campaign.reference(CampaignKind.ACCOUNT);
        ReferenceView from = account == null ? null : accounts.account(account).filter(a -> !a.deleted())
                .filter(a -> a.flag(ReferenceKind.Fields.MASSMAIL.name())).orElse(null);
        if (from == null) {
            pause(id, ACCOUNT_UNUSABLE);
            return;
        }
        if (accounts.stopped(account).isPresent()) {
            // its login was refused: it waits until an administrator mends or resumes the account (MailAccounts)
            waiting(id, LOGIN_REFUSED, null);
            return;
        }
        Set<String> claimed = new HashSet<>(jdbc.queryForList("SELECT recipient_kind || ':' || recipient_id FROM "
                + "campaign_delivery WHERE campaign_id = ?", String.class, id));
        int budget = PER_POLL;
        for (Recipient recipient : recipients(campaign)) {
            if (claimed.contains(recipient.key())) {
                continue;
            }
            if (budget-- == 0 || sending(id) == null || !open(id) || !one(campaign, recipient, from)) {
                return;
            }
        }
        finishIfAllDone(id, campaign);
    }

    /** Whether the business hours are open now; when not, the campaign waits until they open. */
    private boolean open(long id) {
        Instant now = clock.instant();
        if (hours.isOpen(now)) {
            return true;
        }
        waiting(id, BUSINESS_HOURS, hours.nextOpening(now));
        return false;
    }

    /** Handles one recipient; false when the campaign cannot go on now (its pace, its server, its account). */
    private boolean one(FieldsView campaign, Recipient recipient, ReferenceView account) {
        long id = campaign.id();
        FieldsView object = queries.find(recipient.kind(), recipient.id()).orElse(null);
        String address = object == null ? null : object.get(ObjectFields.EMAIL);
        address = address == null || address.isBlank() ? null : address.strip();
        String skip = skipReason(object, address);
        if (skip != null) {
            recordClaimed(id, recipient, address, null, Outcome.SKIPPED, skip);
            return true;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
        } catch (AddressException invalid) {
            recordClaimed(id, recipient, address, null, Outcome.FAILED, INVALID_ADDRESS + ": " + invalid.getMessage());
            return true;
        }
        Instant now = clock.instant();
        int limit = number(account, ReferenceKind.Fields.DAILY_LIMIT, 500);
        int interval = number(account, ReferenceKind.Fields.INTERVAL_SECONDS, 0);
        switch (pace.claim(account.id(), limit, interval, hours.day(now), now)) {
            case DAILY_LIMIT -> {
                waiting(id, DAILY_LIMIT, hours.nextOpening(hours.nextDay(now)));
                return false;
            }
            case TOO_SOON -> {
                return false;
            }
            default -> {
                // granted: counted in today's messages
            }
        }
        String messageId = "<" + CampaignKind.NAME + "." + id + "." + recipient.id() + "."
                + Long.toHexString(RANDOM.nextLong()) + "@crm>";
        if (!claim(id, recipient, address, messageId, now)) {
            pace.refund(account.id(), hours.day(now));
            return true; // another instance took it
        }
        return deliver(campaign, recipient, object, address, messageId, account);
    }

    /** Sends the claimed recipient's message and records the outcome. */
    private boolean deliver(FieldsView campaign, Recipient recipient, FieldsView object, String address,
                            String messageId, ReferenceView account) {
        long id = campaign.id();
        String password = null;
        try {
            password = accounts.passwordOf(account.id()).orElse(null);
            String link = mail.link(id, object);
            accounts.senderOf(account.id()).send(mail.message(campaign, mail.valuesOf(object),
                    account.value(ReferenceKind.Fields.FROM.name()), address, link,
                    l -> texts.getMessage("campaign.unsubscribe.footer", new Object[] {l}, l, Locale.getDefault()),
                    messageId));
        } catch (MailException problem) {
            String reason = SmtpFailures.reason(problem, password);
            if (SmtpFailures.authentication(problem)) {
                release(id, recipient, account.id());
                loginRefused(id, account.id(), reason);
                return false;
            }
            if (SmtpFailures.temporary(problem)) {
                release(id, recipient, account.id());
                unreachable(id, reason);
                return false;
            }
            LOG.info("Campaign {}: {} {} failed: {}", id, recipient.kind().name(), recipient.id(), reason);
            record(id, recipient, address, messageId, Outcome.FAILED, reason);
            return true;
        } catch (MessagingException | RuntimeException broken) {
            record(id, recipient, address, messageId, Outcome.FAILED, String.valueOf(broken.getMessage()));
            return true;
        }
        unreachableTries.remove(id);
        record(id, recipient, address, messageId, Outcome.SENT, null);
        LOG.info("Campaign {}: {} {} sent ({})", id, recipient.kind().name(), recipient.id(), messageId);
        return true;
    }

    /**
     * The account's login was refused: the account stops sending (its e-mails and campaigns wait, the home page tells
     * the administrators: {@link MailAccounts#stop}), and the campaign waits with that reason until an administrator
     * mends or resumes the account; then it goes on by itself. The one place that decides what a refused login does to
     * a campaign.
     */
    void loginRefused(long id, long account, String reason) {
        LOG.warn("Campaign {} waits: the login of mail account {} was refused: {}", id, account, reason);
        accounts.stop(account, reason);
        waiting(id, LOGIN_REFUSED, null);
    }

    /** The server is not reachable now: the campaign waits, each time longer (2, 4, … s up to the most). */
    private void unreachable(long id, String reason) {
        int tries = unreachableTries.merge(id, 1, Integer::sum);
        long wait = Math.min(maxBackoff.toSeconds(), 1L << Math.min(20, tries));
        LOG.warn("Campaign {} waits {} s: the mail server is not reachable: {}", id, wait, reason);
        waiting(id, SERVER_UNREACHABLE, clock.instant().plusSeconds(Math.max(1, wait)));
    }

    private String skipReason(FieldsView object, String address) {
        if (object == null || object.deleted()) {
            return DELETED;
        }
        if (object.kind().field(ContactKind.MASSMAIL.name()).map(object::get).filter("false"::equals).isPresent()) {
            return UNSUBSCRIBED;
        }
        if (object.kind().field(DISQUALIFIED_FIELD).map(object::get).filter("true"::equals).isPresent()) {
            return DISQUALIFIED;
        }
        return address == null ? NO_ADDRESS : null;
    }

    /** Its recipients in their order: contacts, leads, companies, each by ascending ID. */
    static List<Recipient> recipients(FieldsView campaign) {
        List<Recipient> all = new ArrayList<>();
        for (Field field : CampaignKind.RECIPIENTS) {
            for (Lines.Line line : Lines.decode(campaign.get(field))) {
                all.add(new Recipient(field.refers(), line.id()));
            }
        }
        return all;
    }

    /** The campaign when it is live and sent now (running or waiting); else null. */
    private FieldsView sending(long id) {
        return queries.find(CampaignKind.KIND, id).filter(c -> !c.deleted())
                .filter(c -> CampaignStatus.of(c.get(CampaignKind.STATUS)).sending()).orElse(null);
    }

    /** Claims the recipient: its row committed now, before the server is spoken to; false when it had one. */
    private boolean claim(long id, Recipient recipient, String address, String messageId, Instant now) {
        try {
            own.executeWithoutResult(s -> jdbc.update("INSERT INTO campaign_delivery (campaign_id, recipient_kind, "
                    + "recipient_id, address, message_id, started_at) VALUES (?, ?, ?, ?, ?, ?)", id,
                    recipient.kind().name(), recipient.id(), address, messageId, Timestamp.from(now)));
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Nothing was sent: the recipient is free again, its place in the pace given back. */
    private void release(long id, Recipient recipient, long account) {
        own.executeWithoutResult(s -> jdbc.update("DELETE FROM campaign_delivery WHERE campaign_id = ? AND "
                + "recipient_kind = ? AND recipient_id = ? AND outcome IS NULL", id, recipient.kind().name(),
                recipient.id()));
        pace.refund(account, hours.day(clock.instant()));
    }

    /** A recipient decided without the server (skipped, an invalid address): claimed and recorded at once. */
    private void recordClaimed(long id, Recipient recipient, String address, String messageId, Outcome outcome,
                               String reason) {
        if (claim(id, recipient, address, messageId, clock.instant())) {
            record(id, recipient, address, messageId, outcome, reason);
        }
    }

    /**
     * The recipient's event and its row's outcome in one transaction; tried again a few times when another instance
     * or a user changed the campaign at the same moment.
     */
    private void record(long id, Recipient recipient, String address, String messageId, Outcome outcome,
                        String reason) {
        String rowOutcome = outcome.name().toLowerCase(Locale.ROOT);
        for (int attempt = 1; ; attempt++) {
            try {
                joined.executeWithoutResult(s -> {
                    commands.send(new RecordRecipient(id, outcome, recipient.kind().name(), recipient.id(), address,
                            messageId, reason), CampaignService.SYSTEM);
                    jdbc.update("UPDATE campaign_delivery SET outcome = ?, reason = ? WHERE campaign_id = ? AND "
                            + "recipient_kind = ? AND recipient_id = ?", rowOutcome, reason, id,
                            recipient.kind().name(), recipient.id());
                });
                return;
            } catch (Rejected rejected) {
                throw rejected;
            } catch (RuntimeException conflict) {
                if (attempt == 5) {
                    throw conflict;
                }
                LOG.info("Campaign {}: recording {} {} again after {}", id, recipient.kind().name(), recipient.id(),
                        conflict.toString());
            }
        }
    }

    /** Rows without an outcome for longer than the stale time: the process died mid-send; never sent again. */
    private void closeStale(long id) {
        Instant before = clock.instant().minus(staleAfter);
        List<Map<String, Object>> stale = jdbc.queryForList("SELECT recipient_kind, recipient_id, address, message_id, "
                + "started_at "
                + "FROM campaign_delivery WHERE campaign_id = ? AND outcome IS NULL AND started_at < ?", id,
                Timestamp.from(before));
        for (Map<String, Object> row : stale) {
            Kind kind = CampaignKind.RECIPIENTS.stream().map(Field::refers)
                    .filter(k -> k.name().equals(row.get("recipient_kind"))).findFirst().orElse(null);
            if (kind == null) {
                continue;
            }
            Recipient recipient = new Recipient(kind, ((Number) row.get("recipient_id")).longValue());
            LOG.warn("Campaign {}: the send to {} {} started at {} (before {}) has no outcome: not sent again", id,
                    kind.name(), recipient.id(), row.get("started_at"), before);
            record(id, recipient, (String) row.get("address"), (String) row.get("message_id"), Outcome.FAILED,
                    UNKNOWN_OUTCOME);
        }
    }

    /** Done when every recipient has a row with an outcome. */
    private void finishIfAllDone(long id, FieldsView campaign) {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_delivery WHERE campaign_id = ? AND outcome "
                + "IS NOT NULL", Integer.class, id);
        if (done != null && done >= recipients(campaign).size()) {
            commands.send(new FinishCampaign(id), CampaignService.SYSTEM);
            unreachableTries.remove(id);
            LOG.info("Campaign {} is done", id);
        }
    }

    private void waiting(long id, String reason, Instant until) {
        commands.send(new RecordCampaignWaiting(id, reason, until), CampaignService.SYSTEM);
    }

    private void pause(long id, String reason) {
        try {
            commands.send(new PauseCampaign(id, reason), CampaignService.SYSTEM);
        } catch (Rejected.WrongState paused) {
            // paused or ended meanwhile
        }
    }

    private static int number(ReferenceView account, Field field, int absent) {
        String value = account.value(field.name());
        if (value == null || value.isBlank()) {
            return absent;
        }
        return new java.math.BigDecimal(value).intValue();
    }
}
