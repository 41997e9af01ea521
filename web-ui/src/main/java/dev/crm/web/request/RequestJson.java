package dev.crm.web.request;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.request.RequestKind;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A request in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Request", description = "A request from a (possible) client: matched on save against the contacts, "
        + "leads and companies the caller may see; a deal is made from it by POST /api/requests/{id}/deal")
record RequestJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = RequestKind.NAME) String kind,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                   long version,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject,
                   String firstName, String lastName, String email, String phone, String companyName, String website,
                   String country,
                   @Schema(description = "The lead source's ID (GET /api/admin/lead-sources)") Long source,
                   @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                           description = "The IDs of the products it asks about, ascending"))
                   List<Long> products,
                   String description,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Not dealt with yet (cleared "
                           + "when a deal is made from it)") boolean pending,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A duplicate of another "
                           + "request: makes no deal") boolean duplicate,
                   @JsonProperty("case") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "A case "
                           + "(a question about something sold): makes no deal") boolean isCase,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its contact or company had "
                           + "requests before") boolean subsequent,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Links were set automatically, "
                           + "or several objects matched: a user should check them") boolean verificationRequired,
                   @Schema(description = "The matched contact's ID") Long contact,
                   @Schema(description = "The matched lead's ID") Long lead,
                   @Schema(description = "The matched company's ID") Long company,
                   @Schema(description = "The deal made from it (null: none yet)") Long deal,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username")
                   String owner,
                   @Schema(description = "The department's ID") Long department,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create or change sends; a change sends only the fields it changes, null clears one. */
    @Schema(name = "RequestInput", description = "A request's own fields: a subject is required; contact, lead and "
            + "company correct what matching set; the deal is set by making one; a change sends only what it "
            + "changes, null clears a field")
    record Input(@Schema(nullable = true, maxLength = Limits.TITLE) String subject,
                 @Schema(nullable = true, maxLength = Limits.SHORT_NAME) String firstName,
                 @Schema(nullable = true, maxLength = Limits.SHORT_NAME) String lastName,
                 @Schema(nullable = true, maxLength = Limits.EMAIL, example = "ann@example.com") String email,
                 @Schema(nullable = true, maxLength = Limits.PHONE, example = "+1 555 0100") String phone,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String companyName,
                 @Schema(nullable = true, maxLength = Limits.URL, example = "https://example.com") String website,
                 @Schema(nullable = true, maxLength = Limits.TITLE) String country,
                 @Schema(nullable = true, description = "A lead source's ID") Long source,
                 @ArraySchema(arraySchema = @Schema(nullable = true, description = "Product IDs (products the caller "
                         + "may see; one given twice counts once); a change replaces the whole list, null or [] "
                         + "clears it"), maxItems = Limits.LINES) List<Long> products,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String description,
                 @Schema(nullable = true, description = "true unless given") Boolean pending,
                 @Schema(nullable = true) Boolean duplicate,
                 @JsonProperty("case") @Schema(nullable = true) Boolean isCase,
                 @Schema(nullable = true) Boolean subsequent,
                 @Schema(nullable = true) Boolean verificationRequired,
                 @Schema(nullable = true, description = "A contact's ID") Long contact,
                 @Schema(nullable = true, description = "A lead's ID") Long lead,
                 @Schema(nullable = true, description = "A company's ID") Long company) {
    }

    /** A transfer to another owner. */
    @Schema(name = "RequestOwnerChange", description = "The new owner")
    record Owner(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Username") String owner) {
    }
}
