package dev.crm.shared.email;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.request.RequestKind;
import java.util.List;

/**
 * CRM e-mails: written from exactly one deal, request, contact, company or lead (a part of it: deleted and restored
 * with it), owned by who wrote it, in their department. Its addresses are lists ({@link FieldType#EMAILS}); the file
 * objects attached to it are its attachments. A draft may change; its status, {@code sent}, {@code sentAt} and
 * {@code failure} are set by sending alone, {@code incoming} by an import, {@code inReplyTo} and {@code thread} by a
 * reply (a new e-mail's thread is itself).
 */
public final class EmailKind {

    public static final String NAME = "email";

    public static final Field SUBJECT = Field.of("subject", FieldType.NAME).labelled("field.email.subject");
    public static final Field BODY = Field.of("body", FieldType.TEXT);
    public static final Field TO = Field.of("to", FieldType.EMAILS).searched();
    public static final Field CC = Field.of("cc", FieldType.EMAILS);
    public static final Field BCC = Field.of("bcc", FieldType.EMAILS);
    public static final Field DEAL = Field.of(DealKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field REQUEST = Field.of(RequestKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field CONTACT = Field.of(ContactKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field COMPANY = Field.of(CompanyKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field LEAD = Field.of(LeadKind.NAME, FieldType.REFERENCE).partOf();
    public static final Field STATUS = Field.of("status", FieldType.CHOICE).choices(EmailStatus.class)
            .initially(EmailStatus.DRAFT.apiName()).labelled("field.email.status");
    public static final Field SENT = Field.of("sent", FieldType.FLAG).initially("false");
    public static final Field SENT_AT = Field.of("sentAt", FieldType.TIME);
    public static final Field FAILURE = Field.of("failure", FieldType.LINE).max(1000);
    public static final Field INCOMING = Field.of("incoming", FieldType.FLAG).initially("false");
    /** The e-mail this one answers (set by a reply alone). */
    public static final Field IN_REPLY_TO = Field.of("inReplyTo", FieldType.REFERENCE);
    /** The first e-mail of its conversation: itself for a new one, the answered one's thread for a reply. */
    public static final Field THREAD = Field.of("thread", FieldType.REFERENCE);

    /** The objects an e-mail is written from: exactly one of them is given on create, and it never changes. */
    public static final List<Field> LINKS = List.of(DEAL, REQUEST, CONTACT, COMPANY, LEAD);
    /** The fields no create or change may give: sending, an import or a reply sets them. */
    public static final List<Field> SET_BY_ACTIONS = List.of(STATUS, SENT, SENT_AT, FAILURE, INCOMING, IN_REPLY_TO,
            THREAD);

    /** domain.md: managers acdv their own, operators their departments', chiefs view all (incoming: view only). */
    public static final Kind KIND = Kind.named(NAME, "emails")
            .fields(SUBJECT, BODY, TO, CC, BCC, DEAL, REQUEST, CONTACT, COMPANY, LEAD, STATUS, SENT, SENT_AT, FAILURE,
                    INCOMING, IN_REPLY_TO, THREAD)
            .grant(Role.MANAGER, "acdv", OWN)
            .grant(Role.OPERATOR, "acdv", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .pages().acceptsFiles().byName().build();

    private EmailKind() {
    }
}
