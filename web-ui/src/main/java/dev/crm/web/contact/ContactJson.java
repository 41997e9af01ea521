package dev.crm.web.contact;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Limits;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A contact in the API: the fields of domain.md plus the common ones; owner and department are its company's. */
@Schema(name = "Contact", description = "A contact person of a company; its owner and department are always the "
        + "company's")
record ContactJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = ContactKind.NAME) String kind,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                   long version,
                   String firstName, String lastName, String jobTitle,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The company's ID") long company,
                   String email, String phone, String mobile, String country, String city, String description,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "May be mailed by campaigns "
                           + "(cleared when it unsubscribes)") boolean massmail,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The company owner's username")
                   String owner,
                   @Schema(description = "The company's department's ID") Long department,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create sends: the company and the contact's own fields. */
    @Schema(name = "ContactInput", description = "A new contact: its company (one the caller may see) and a first or a "
            + "last name are required")
    record Input(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The company's ID") Long company,
                 @JsonUnwrapped Change fields) {
    }

    /** What a change sends: its own fields, and its company when it moves to another. */
    @Schema(name = "ContactChangeInput", description = "What a change sends: only what it changes; null clears a field "
            + "(a contact keeps a first or a last name, and a company)")
    record Changing(@Schema(description = "Another company's ID (one the caller may see): the contact moves to it, "
            + "with its owner and department") Long company,
                    @JsonUnwrapped Change fields) {
    }

    /** A contact's own fields, as a create or a change sends them; null clears one. */
    @Schema(name = "ContactChange", description = "A contact's own fields; a change sends only what it changes, null "
            + "clears a field (a contact keeps a first or a last name)")
    record Change(@Schema(nullable = true, maxLength = Limits.SHORT_NAME) String firstName,
                  @Schema(nullable = true, maxLength = Limits.SHORT_NAME) String lastName,
                  @Schema(nullable = true, maxLength = Limits.TITLE) String jobTitle,
                  @Schema(nullable = true, maxLength = Limits.EMAIL, example = "ann@example.com") String email,
                  @Schema(nullable = true, maxLength = Limits.PHONE, example = "+1 555 0100") String phone,
                  @Schema(nullable = true, maxLength = Limits.PHONE) String mobile,
                  @Schema(nullable = true, maxLength = Limits.TITLE) String country,
                  @Schema(nullable = true, maxLength = Limits.TITLE) String city,
                  @Schema(nullable = true, maxLength = Limits.TEXT) String description,
                  @Schema(description = "May be mailed by campaigns (true unless given)") Boolean massmail) {
    }
}
