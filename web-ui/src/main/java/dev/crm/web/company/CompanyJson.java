package dev.crm.web.company;

import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.kind.Limits;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A company in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Company", description = "A company (counterparty); its contacts share its owner and department")
record CompanyJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = CompanyKind.NAME) String kind,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                   long version,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                   String alternativeNames, String type, String industry, String country, String city,
                   String website, String phone, String email, String address, String description,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> tags,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username") String owner,
                   @Schema(description = "The department's ID") Long department,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create or change sends; a change sends only the fields it changes, null clears one (not the name). */
    @Schema(name = "CompanyInput", description = "A company's own fields: on create, name is required; a change sends "
            + "only what it changes, null clears a field")
    record Input(@Schema(maxLength = Limits.TITLE) String name,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String alternativeNames,
                 @Schema(nullable = true, maxLength = Limits.TITLE, description = "The client type") String type,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String industry,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String country,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String city,
                 @Schema(nullable = true, maxLength = Limits.URL, example = "https://example.com") String website,
                 @Schema(nullable = true, maxLength = Limits.PHONE, example = "+1 555 0100") String phone,
                 @Schema(nullable = true, maxLength = Limits.EMAIL, example = "info@example.com") String email,
                 @Schema(nullable = true, maxLength = 1000) String address,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String description,
                 @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.TAGS,
                         schema = @Schema(maxLength = Limits.TAG)) List<String> tags) {
    }

    /** A transfer to another owner. */
    @Schema(name = "OwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }
}
