package dev.crm.app.campaign;

import dev.crm.app.CommandSender;
import dev.crm.app.fields.FieldsKindSupport;
import dev.crm.app.fields.FieldsService;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.campaign.CampaignCommands.RecordTestSend;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.Causes;
import dev.crm.shared.Role;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.reference.ReferenceKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
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
    private final CommandSender commands;
    private final Map<String, FieldsKindSupport> kinds;
    private final String publicUrl;

    CampaignService(FieldsService objects, FieldsQueries queries, ReferenceQueries references, MailAccounts accounts,
                    UnsubscribeTokens tokens, CommandSender commands, List<FieldsKindSupport> kinds,
                    @Value("${crm.public-url:http://localhost:8080}") String publicUrl) {
        this.objects = objects;
        this.queries = queries;
        this.references = references;
        this.accounts = accounts;
        this.tokens = tokens;
        this.commands = commands;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(k -> k.kind().name(), k -> k));
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
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
        CampaignMessages.Recipient recipient = first.map(this::recipient).orElse(CampaignMessages.Recipient.SAMPLE);
        String link = publicUrl + UNSUBSCRIBE + first.map(r -> tokens.tokenFor(id, r.kind().name(), r.id()))
                .orElse("sample");
        String from = references.find(ReferenceKind.MAIL_ACCOUNT, account)
                .map(a -> a.value(ReferenceKind.Fields.FROM.name())).orElseThrow(() -> new Rejected.NotFound(account));
        JavaMailSender sender = accounts.senderOf(account);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to.strip());
            helper.setSubject(nonNull(CampaignMessages.render(campaign.get(CampaignKind.SUBJECT), recipient)));
            helper.setText(nonNull(CampaignMessages.render(campaign.get(CampaignKind.BODY), recipient)) + "\n\n-- \n"
                    + footer.apply(link));
            message.addHeader("List-Unsubscribe", "<" + link + ">");
            message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            sender.send(message);
        } catch (MessagingException | MailException e) {
            LOG.warn("Test message of campaign {} failed: {}", id, e.getMessage());
            throw new Rejected.WrongState("error.campaign.test-failed", String.valueOf(e.getMessage()));
        }
        commands.send(new RecordTestSend(id, to.strip()), actor);
        LOG.info("Test message of campaign {} sent by {}", id, actor.username());
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

    /** The placeholders' values of a contact, lead or company: its names and its company's name. */
    private CampaignMessages.Recipient recipient(FieldsView object) {
        Kind kind = object.kind();
        String company;
        if (kind.name().equals(CompanyKind.NAME)) {
            company = object.title();
        } else if (kind.field(LeadKind.COMPANY_NAME.name()).isPresent()) {
            company = object.get(LeadKind.COMPANY_NAME);
        } else {
            Long holder = kind.field(ContactKind.COMPANY.name()).map(object::reference).orElse(null);
            company = holder == null ? null
                    : queries.find(CompanyKind.KIND, holder).map(FieldsView::title).orElse(null);
        }
        String first = kind.field(ContactKind.FIRST_NAME.name()).map(object::get).orElse(null);
        String last = kind.field(ContactKind.LAST_NAME.name()).map(object::get).orElse(null);
        return new CampaignMessages.Recipient(first, last, company);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
