package dev.crm.web.campaign;

import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.shared.kind.Limits;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A campaign in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it);
 * {@code recipients} nests its three lists; {@code total} is the recipients frozen at the launch (before it, counted from
 * them) and {@code left} those not yet sent, failed or skipped.
 */
@Schema(name = "Campaign", description = "A mass-mail campaign: a subject and a text with placeholders, sent through a "
        + "mass-mail account to contacts, leads and companies")
record CampaignJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = CampaignKind.NAME) String kind,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                    long version,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                    @Schema(description = "The subject; {{first_name}}, {{last_name}}, {{full_name}} and "
                            + "{{company}} are replaced per recipient") String subject,
                    @Schema(description = "The text, with the same placeholders") String body,
                    @Schema(description = "The mass-mail account's ID (GET /api/admin/mail-accounts)") Long account,
                    @Schema(hidden = true) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) List<Long> contacts,
                    @Schema(hidden = true) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) List<Long> leads,
                    @Schema(hidden = true) @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) List<Long> companies,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its recipients by kind")
                    Recipients recipients,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Set by its actions: draft "
                            + "until launched; running, paused, waiting (see reason and until), done, canceled")
                    @Choices(CampaignStatus.class) String status,
                    @Schema(description = "Why it waits (daily-limit, business-hours, server-unreachable, "
                            + "login-refused: until its mail account is mended) or was paused by its sender "
                            + "(account-unusable)") String reason,
                    @Schema(description = "Until when it waits") Instant until,
                    @Schema(description = "When it was launched") Instant startedAt,
                    @Schema(description = "When it was done or canceled") Instant endedAt,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its recipients: frozen at "
                            + "the launch") BigDecimal total,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal sent,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal failed,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Recipients left out "
                            + "(unsubscribed, disqualified, no address, deleted)") BigDecimal skipped,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Recipients not yet sent, "
                            + "failed or skipped") int left,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username") String owner,
                    @Schema(description = "The department's ID") Long department,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    CampaignJson {
        contacts = contacts == null ? List.of() : contacts;
        leads = leads == null ? List.of() : leads;
        companies = companies == null ? List.of() : companies;
        sent = sent == null ? BigDecimal.ZERO : sent;
        failed = failed == null ? BigDecimal.ZERO : failed;
        skipped = skipped == null ? BigDecimal.ZERO : skipped;
        recipients = new Recipients(contacts, leads, companies);
        total = total != null ? total : BigDecimal.valueOf(contacts.size() + leads.size() + companies.size());
        left = Math.max(0, total.intValue() - sent.intValue() - failed.intValue() - skipped.intValue());
    }

    /** The recipients, each kind a list of IDs (ascending in an answer). */
    @Schema(name = "CampaignRecipients", description = "A campaign's recipients by kind")
    record Recipients(@ArraySchema(arraySchema = @Schema(description = "Contact IDs (contacts the caller may see)"),
                              maxItems = Limits.RECIPIENTS) List<Long> contacts,
                      @ArraySchema(arraySchema = @Schema(description = "Lead IDs (leads the caller may see)"),
                              maxItems = Limits.RECIPIENTS) List<Long> leads,
                      @ArraySchema(arraySchema = @Schema(description = "Company IDs (the company's own address)"),
                              maxItems = Limits.RECIPIENTS) List<Long> companies) {
    }

    /** What a create or change sends; a change sends only the fields it changes, null clears one (not the name). */
    @Schema(name = "CampaignInput", description = "A campaign's own fields: on create, name is required; status and "
            + "counts are set by its actions; a change sends only what it changes, null clears a field; in "
            + "recipients, a kind left out stays as it is, null or [] clears it. Once launched, only its name changes")
    record Input(@Schema(maxLength = Limits.TITLE) String name,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String subject,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String body,
                 @Schema(nullable = true, description = "The ID of a mail account marked for mass mail") Long account,
                 @Schema(nullable = true, description = "Contacts, leads and companies the caller may see")
                 Recipients recipients) {
    }

    /** How the shared endpoints read an input once its recipients are taken out of their object. */
    record Flat(String name, String subject, String body, Long account, List<Long> contacts, List<Long> leads,
                List<Long> companies) {
    }

    /** What the sender did for one recipient. */
    @Schema(name = "CampaignDelivery", description = "One recipient of a launched campaign: what its sender did")
    record Delivery(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "contact, lead or company")
                    String recipientKind,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long recipientId,
                    @Schema(description = "Where it went (none: it has no address)") String address,
                    @Schema(description = "The message's Message-ID") String messageId,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant at,
                    @Schema(description = "sent, failed, skipped, unknown; none while it is sent") String outcome,
                    @Schema(description = "Why it failed or was skipped") String reason) {

        static Delivery of(dev.crm.app.campaign.CampaignService.Delivery d) {
            return new Delivery(d.recipientKind(), d.recipientId(), d.address(), d.messageId(), d.startedAt(),
                    d.outcome(), d.reason());
        }
    }

    /** A transfer to another owner. */
    @Schema(name = "CampaignOwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }

    /** A test send's address. */
    @Schema(name = "CampaignTest", description = "Where one test message goes")
    record Test(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "me@example.com") String to) {
    }

    /** The answer of a test message that the server took. */
    @Schema(name = "CampaignTestSent", description = "The mail server took the test message")
    record TestSent(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long campaign,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String to) {
    }
}
