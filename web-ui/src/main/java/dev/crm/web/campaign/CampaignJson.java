package dev.crm.web.campaign;

import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.shared.kind.Limits;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A campaign in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it);
 * {@code total} (its recipients) and {@code left} (those not yet sent, failed or skipped) are counted from them.
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
                    @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                            description = "Contact recipients' IDs, ascending")) List<Long> contacts,
                    @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                            description = "Lead recipients' IDs, ascending")) List<Long> leads,
                    @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                            description = "Company recipients' IDs (the company's own address), ascending"))
                    List<Long> companies,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Set by its actions: draft "
                            + "until launched") @Choices(CampaignStatus.class) String status,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its recipients") int total,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal sent,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal failed,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Recipients left out (no "
                            + "address, unsubscribed)") BigDecimal skipped,
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
        total = contacts.size() + leads.size() + companies.size();
        left = Math.max(0, total - sent.intValue() - failed.intValue() - skipped.intValue());
    }

    /** What a create or change sends; a change sends only the fields it changes, null clears one (not the name). */
    @Schema(name = "CampaignInput", description = "A campaign's own fields: on create, name is required; status and "
            + "counts are set by its actions; a change sends only what it changes, null clears a field")
    record Input(@Schema(maxLength = Limits.TITLE) String name,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String subject,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String body,
                 @Schema(nullable = true, description = "The ID of a mail account marked for mass mail") Long account,
                 @ArraySchema(arraySchema = @Schema(nullable = true, description = "Contact IDs (contacts the caller "
                         + "may see); null or [] clears"), maxItems = Limits.RECIPIENTS) List<Long> contacts,
                 @ArraySchema(arraySchema = @Schema(nullable = true, description = "Lead IDs (leads the caller may "
                         + "see); null or [] clears"), maxItems = Limits.RECIPIENTS) List<Long> leads,
                 @ArraySchema(arraySchema = @Schema(nullable = true, description = "Company IDs (companies the "
                         + "caller may see); null or [] clears"), maxItems = Limits.RECIPIENTS) List<Long> companies) {
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
