package dev.crm.web.lead;

import dev.crm.shared.kind.Limits;
import dev.crm.shared.lead.LeadKind;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A lead in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Lead", description = "A lead: a person or company that may become a client; once converted, company "
        + "and contact name what it became, and it can no longer be changed")
record LeadJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = LeadKind.NAME) String kind,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                long version,
                String firstName, String lastName, String companyName, String email, String phone, String website,
                String country, String city,
                @Schema(description = "The lead source's ID (GET /api/admin/lead-sources)") Long source,
                String description,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "May be mailed by campaigns "
                        + "(cleared when it unsubscribes)") boolean massmail,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Not a prospect: campaigns skip "
                        + "it") boolean disqualified,
                @Schema(description = "The company it was converted into (null: not converted)") Long company,
                @Schema(description = "The contact it was converted into (null: not converted)") Long contact,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username") String owner,
                @Schema(description = "The department's ID") Long department,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create or change sends; a change sends only the fields it changes, null clears one. */
    @Schema(name = "LeadInput", description = "A lead's own fields: a first name, a last name or a company name is "
            + "required; a change sends only what it changes, null clears a field")
    record Input(@Schema(nullable = true, maxLength = Limits.SHORT_NAME) String firstName,
                 @Schema(nullable = true, maxLength = Limits.SHORT_NAME) String lastName,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String companyName,
                 @Schema(nullable = true, maxLength = Limits.EMAIL, example = "ann@example.com") String email,
                 @Schema(nullable = true, maxLength = Limits.PHONE, example = "+1 555 0100") String phone,
                 @Schema(nullable = true, maxLength = Limits.URL, example = "https://example.com") String website,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String country,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String city,
                 @Schema(nullable = true, description = "A lead source's ID") Long source,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String description,
                 @Schema(description = "May be mailed by campaigns (true unless given)") Boolean massmail,
                 @Schema(description = "Not a prospect: campaigns skip it (false unless given)") Boolean disqualified) {
    }

    /** A transfer to another owner. */
    @Schema(name = "LeadOwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }

    /** What a conversion made or found. */
    @Schema(name = "LeadConversion", description = "The company (found or made) and the contact (made) the lead was "
            + "converted into")
    record Conversion(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long company,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long contact) {
    }
}
