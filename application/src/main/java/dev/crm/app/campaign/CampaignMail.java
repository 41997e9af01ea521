package dev.crm.app.campaign;

import dev.crm.query.fields.FieldsQueries;
import dev.crm.app.mail.FixedIdMessage;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.lead.LeadKind;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * One message of a campaign, the same for its test send and its real sends: the subject and text rendered for the
 * recipient ({@link CampaignMessages}), the text ended by the unsubscribe footer with the recipient's link, the
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers (RFC 8058), and a Message-ID the sender chose
 * (kept in its delivery row) when it gives one.
 */
@Component
class CampaignMail {

    private final FieldsQueries queries;
    private final UnsubscribeTokens tokens;
    private final String publicUrl;

    CampaignMail(FieldsQueries queries, UnsubscribeTokens tokens,
                 @Value("${crm.public-url:http://localhost:8080}") String publicUrl) {
        this.queries = queries;
        this.tokens = tokens;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The recipient's unsubscribe link for the campaign (its token made now if it has none). */
    String link(long campaign, FieldsView recipient) {
        return publicUrl + CampaignService.UNSUBSCRIBE + tokens.tokenFor(campaign, recipient.kind().name(),
                recipient.id());
    }

    /** The link of a test message without a recipient: it leads nowhere. */
    String sampleLink() {
        return publicUrl + CampaignService.UNSUBSCRIBE + "sample";
    }

    /**
     * The message from {@code from} to {@code to}, rendered for {@code recipient}; {@code footer} says the link in the
     * text; {@code messageId} null lets Jakarta Mail make one.
     */
    MimeMessage message(FieldsView campaign, CampaignMessages.Recipient recipient, String from, String to, String link,
                        Function<String, String> footer, String messageId) throws MessagingException {
        MimeMessage message = messageId == null ? new MimeMessage(Session.getInstance(new Properties()))
                : new FixedIdMessage(messageId);
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(nonNull(CampaignMessages.render(campaign.get(CampaignKind.SUBJECT), recipient)));
        helper.setText(nonNull(CampaignMessages.render(campaign.get(CampaignKind.BODY), recipient)) + "\n\n-- \n"
                + footer.apply(link));
        message.addHeader("List-Unsubscribe", "<" + link + ">");
        message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return message;
    }

    /** The placeholders' values of a contact, lead or company: its names and its company's name. */
    CampaignMessages.Recipient valuesOf(FieldsView object) {
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
