package dev.crm.app.campaign;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.app.fields.FieldsService;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.campaign.CampaignCommands.CancelCampaign;
import dev.crm.command.campaign.CampaignCommands.LaunchCampaign;
import dev.crm.command.campaign.CampaignCommands.PauseCampaign;
import dev.crm.command.campaign.CampaignCommands.RecordTestSend;
import dev.crm.command.campaign.CampaignCommands.ResumeCampaign;
import org.springframework.jdbc.core.JdbcTemplate;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.Role;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.reference.ReferenceKind;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * A campaign's own use cases beside the shared ones ({@link FieldsService}): its test send (one message now, through
 * its account, rendered for its first recipient, with the unsubscribe link and the RFC 8058 headers) and the
 * unsubscribe by a link's token, done by the user {@code system} and caused by the campaign.
 */
@Service
public class CampaignService {

    /** Who unsubscribes a recipient: nobody signed in, the recipient through a link. */
    static final Actor SYSTEM = Actor.of("system", Role.ADMIN);
    /** The path of an unsubscribe link, below the public address. */
    public static final String UNSUBSCRIBE = "/unsubscribe/";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);

    private final FieldsService objects;
    private final FieldsQueries queries;
    private final ReferenceQueries references;
    private final MailAccounts accounts;
    private final UnsubscribeTokens tokens;
    private final CampaignMail mail;
    private final CommandSender commands;
    private final Map<String, FieldsKindSupport> kinds;
    private final JdbcTemplate jdbc;

    CampaignService(FieldsService objects, FieldsQueries queries, ReferenceQueries references, MailAccounts accounts,
                    UnsubscribeTokens tokens, CampaignMail mail, CommandSender commands, List<FieldsKindSupport> kinds,
                    JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.objects = objects;
        this.queries = queries;
        this.references = references;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mail = mail;
        this.commands = commands;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(k -> k.kind().name(), k -> k));
    }

    /**
     * Sends one message of the campaign to {@code to} now, for who may change it (404 / 403), rendered for its first
     * recipient (sample values when it has none), its text ended by {@code footer} of the unsubscribe link; recorded
     * in its history. A campaign without an account is 409 {@code error.campaign.no-account}; a failure of the
     * server 409 {@code error.campaign.test-failed} with its reason.
     */
    public void sendTest(Actor actor, long id, String to, Function<String, String> footer) {
        FieldsView campaign = objects.allowed(CampaignKind.KIND, actor, id, Action.CHANGE);
        List<Rejected.FieldError> errors = new ArrayList<>();
        if (to == null || to.isBlank()) {
            errors.add(new Rejected.FieldError("to", "validation.required", new Object[0]));
        } else {
            FieldRules.email("to", to.strip(), Limits.EMAIL, errors);
        }
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        Long account = campaign.reference(CampaignKind.ACCOUNT);
        if (account == null) {
            throw new Rejected.WrongState("error.campaign.no-account");
        }
        Optional<FieldsView> first = firstRecipient(campaign);
        CampaignMessages.Recipient recipient = first.map(mail::valuesOf).orElse(CampaignMessages.Recipient.SAMPLE);
        String link = first.map(r -> mail.link(id, r)).orElseGet(mail::sampleLink);
        String from = references.find(ReferenceKind.MAIL_ACCOUNT, account)
                .map(a -> a.value(ReferenceKind.Fields.FROM.name())).orElseThrow(() -> new Rejected.NotFound(account));
        JavaMailSender sender = accounts.senderOf(account);
        try {
            sender.send(mail.message(campaign, recipient, from, to.strip(), link, footer, null));
        } catch (MessagingException | MailException e) {
            LOG.warn("Test message of campaign {} failed: {}", id, e.getMessage());
            throw new Rejected.WrongState("error.campaign.test-failed", String.valueOf(e.getMessage()));
        }
        commands.send(new RecordTestSend(id, to.strip()), actor);
        LOG.info("Test message of campaign {} sent by {}", id, actor.username());
    }

    /** What a user may do to a launched or draft campaign. */
    public enum Step { LAUNCH, PAUSE, RESUME, CANCEL }

    /**
     * Launches, pauses, resumes or cancels the campaign, for who may change it (404 / 403); a step its status does not
     * allow, or a launch without a usable account, texts or recipients, is 409 with its message key.
     */
    public void step(Actor actor, long id, Step step) {
        objects.allowed(CampaignKind.KIND, actor, id, Action.CHANGE);
        commands.send(switch (step) {
            case LAUNCH -> new LaunchCampaign(id);
            case PAUSE -> new PauseCampaign(id, null);
            case RESUME -> new ResumeCampaign(id);
            case CANCEL -> new CancelCampaign(id);
        }, actor);
        LOG.info("Campaign {}: {} by {}", id, step, actor.username());
    }

    /** One recipient's delivery as its row keeps it: outcome null while under way. */
    public record Delivery(String recipientKind, long recipientId, String address, String messageId,
                           java.time.Instant startedAt, String outcome, String reason) {
    }

    /**
     * The campaign's deliveries (for who may view it), newest first; {@code outcome} only those (sent, failed,
     * skipped, unknown), or all; a page of {@code size} from {@code page}, and the number of all.
     */
    public Deliveries deliveries(Actor actor, long id, String outcome, int page, int size) {
        objects.allowed(CampaignKind.KIND, actor, id, Action.VIEW);
        String where = " WHERE campaign_id = ?" + (outcome == null ? "" : " AND outcome = ?");
        Object[] args = outcome == null ? new Object[] {id} : new Object[] {id, outcome};
        Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM campaign_delivery" + where, Integer.class, args);
        List<Object> paged = new ArrayList<>(List.of(args));
        paged.add(size);
        paged.add((long) page * size);
        List<Delivery> items = jdbc.query("SELECT * FROM campaign_delivery" + where + " ORDER BY started_at DESC, "
                + "recipient_kind, recipient_id LIMIT ? OFFSET ?", (rs, n) -> new Delivery(rs.getString("recipient_kind"),
                rs.getLong("recipient_id"), rs.getString("address"), rs.getString("message_id"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("outcome"), rs.getString("reason")),
                paged.toArray());
        return new Deliveries(items, total == null ? 0 : total);
    }

    /** A page of deliveries and how many there are in all. */
    public record Deliveries(List<Delivery> items, int total) {
    }

    /** Whether the token is one of an unsubscribe link (for its page: 404 otherwise). */
    public boolean knows(String token) {
        return tokens.recipientOf(token).isPresent();
    }

    /**
     * The recipient of the token's link may no longer be mailed by campaigns: its {@code massmail} cleared, by the
     * user {@code system}, caused by the campaign (a recipient without that flag, a company, has nothing to clear);
     * 404 for an unknown token or a recipient gone.
     */
    public void unsubscribe(String token) {
        UnsubscribeTokens.Recipient recipient = tokens.recipientOf(token)
                .orElseThrow(() -> new Rejected.NotFound(0));
        FieldsKindSupport kind = kinds.get(recipient.kind());
        Optional<Field> flag = kind == null ? Optional.empty() : kind.kind().field(ContactKind.MASSMAIL.name());
        if (flag.isEmpty()) {
            return;
        }
        FieldsView object = queries.find(kind.kind(), recipient.object()).filter(o -> !o.deleted())
                .orElseThrow(() -> new Rejected.NotFound(recipient.object()));
        if ("false".equals(object.get(flag.get()))) {
            return;
        }
        commands.send(kind.commands().change().of(recipient.object(), null, Map.of(flag.get().name(), false)), SYSTEM,
                Map.of(Causes.CAUSED_BY, recipient.campaign()));
        LOG.info("Recipient {} {} unsubscribed through campaign {}", recipient.kind(), recipient.object(),
                recipient.campaign());
    }

    /** Its first contact, else its first lead, else its first company, that is still there. */
    private Optional<FieldsView> firstRecipient(FieldsView campaign) {
        for (Field field : CampaignKind.RECIPIENTS) {
            for (Lines.Line line : Lines.decode(campaign.get(field))) {
                Optional<FieldsView> found = queries.find(field.refers(), line.id()).filter(o -> !o.deleted());
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
