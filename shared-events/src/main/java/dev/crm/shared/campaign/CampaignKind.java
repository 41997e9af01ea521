package dev.crm.shared.campaign;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.DEPT;
import static dev.crm.shared.access.Permissions.Scope.OWN;

import dev.crm.shared.Role;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.lead.LeadKind;
import java.util.List;

/**
 * Mass-mail campaigns: a subject and a body with placeholders ({@code CampaignMessages}), sent through a mail account
 * of the reference data marked {@code massmail}, to contacts, leads and companies (a company's own address) its author
 * may see. Its status and counts are set by its actions (the launch), never given.
 */
public final class CampaignKind {

    public static final String NAME = "campaign";

    public static final Field CAMPAIGN_NAME = Field.of("name", FieldType.NAME).labelled("field.campaign.name");
    public static final Field SUBJECT = Field.of("subject", FieldType.LINE).searched();
    public static final Field BODY = Field.of("body", FieldType.TEXT);
    /** The ID of a mail account (reference data kept by admins) whose {@code massmail} is true. */
    public static final Field ACCOUNT = Field.of("account", FieldType.REFERENCE);
    /** Its recipients, each a list of objects the author may see, named by their kind's path. */
    public static final Field CONTACTS = Field.of(ContactKind.KIND.path(), FieldType.REFERENCES)
            .max(Limits.RECIPIENTS);
    public static final Field LEADS = Field.of(LeadKind.KIND.path(), FieldType.REFERENCES)
            .max(Limits.RECIPIENTS);
    public static final Field COMPANIES = Field.of(CompanyKind.KIND.path(), FieldType.REFERENCES)
            .max(Limits.RECIPIENTS);
    public static final Field STATUS = Field.of("status", FieldType.CHOICE).choices(CampaignStatus.class)
            .initially(CampaignStatus.DRAFT.apiName()).labelled("field.campaign.status");
    public static final Field SENT = Field.of("sent", FieldType.NUMBER).min(0).initially("0");
    public static final Field FAILED = Field.of("failed", FieldType.NUMBER).min(0).initially("0");
    public static final Field SKIPPED = Field.of("skipped", FieldType.NUMBER).min(0).initially("0");
    /** Its recipients when it was launched (none before): what sent, failed, skipped and left add up to. */
    public static final Field TOTAL = Field.of("total", FieldType.NUMBER).min(0);
    /** Why it waits or was paused by its sender (none otherwise). */
    public static final Field REASON = Field.of("reason", FieldType.LINE).max(1000).labelled("field.campaign.reason");
    /** Until when it waits (none otherwise). */
    public static final Field UNTIL = Field.of("until", FieldType.TIME).labelled("field.campaign.until");
    public static final Field STARTED_AT = Field.of("startedAt", FieldType.TIME).labelled("field.campaign.startedAt");
    public static final Field ENDED_AT = Field.of("endedAt", FieldType.TIME).labelled("field.campaign.endedAt");

    /** The recipients' fields, one per kind. */
    public static final List<Field> RECIPIENTS = List.of(CONTACTS, LEADS, COMPANIES);
    /** What its actions set: refused in a create or a change ({@code validation.read-only}). */
    public static final List<Field> SET_BY_ACTIONS = List.of(STATUS, SENT, FAILED, SKIPPED, TOTAL, REASON, UNTIL,
            STARTED_AT, ENDED_AT);
    /** What may no longer change once it was launched. */
    public static final List<Field> FROZEN_AT_LAUNCH = List.of(SUBJECT, BODY, ACCOUNT, CONTACTS, LEADS, COMPANIES);

    /** domain.md: managers acdv their own campaigns, operators their departments', chiefs view all. */
    public static final Kind KIND = Kind.named(NAME, "campaigns")
            .fields(CAMPAIGN_NAME, SUBJECT, BODY, ACCOUNT, CONTACTS, LEADS, COMPANIES, STATUS, SENT, FAILED, SKIPPED,
                    TOTAL, REASON, UNTIL, STARTED_AT, ENDED_AT)
            .grant(Role.MANAGER, "acdv", OWN)
            .grant(Role.OPERATOR, "acdv", DEPT)
            .grant(Role.CHIEF, "v", ALL)
            .pages().acceptsFiles().byName().build();

    private CampaignKind() {
    }
}
