package dev.crm.web.email;

import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailStatus;
import dev.crm.shared.kind.Limits;
import dev.crm.web.openapi.Choices;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** An e-mail in the API: the fields of domain.md plus the common ones ({@code FieldsEndpoints#json} makes it). */
@Schema(name = "Email", description = "A CRM e-mail written from one deal, request, contact, company or lead; its "
        + "attachments are its file objects (GET /api/emails/{id}/files). A draft until it is sent")
record EmailJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = EmailKind.NAME) String kind,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                 long version,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String subject,
                 String body,
                 @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                         description = "Recipients' addresses"), schema = @Schema(format = "email")) List<String> to,
                 @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                         schema = @Schema(format = "email")) List<String> cc,
                 @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                         schema = @Schema(format = "email")) List<String> bcc,
                 @Schema(description = "The deal it is written from") Long deal,
                 @Schema(description = "The request it is written from") Long request,
                 @Schema(description = "The contact it is written from") Long contact,
                 @Schema(description = "The company it is written from") Long company,
                 @Schema(description = "The lead it is written from") Long lead,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Choices(EmailStatus.class) String status,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether it went out") boolean sent,
                 @Schema(description = "When it went out") Instant sentAt,
                 @Schema(description = "Why sending failed") String failure,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Received, not written here: "
                         + "only viewed") boolean incoming,
                 @Schema(description = "The e-mail it answers") Long inReplyTo,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The first e-mail of its "
                         + "conversation (itself for a new one)") Long thread,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Who wrote it")
                 String owner,
                 @Schema(description = "The department's ID") Long department,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    /** What a create sends: a subject, exactly one object it is written from, and the files it attaches. */
    @Schema(name = "EmailInput", description = "A new draft: a subject; exactly one of deal, request, contact, "
            + "company, lead (one the caller may see); addresses as lists (each an address, each once, at most "
            + Limits.ADDRESSES + "); files: file objects of that object that become its attachments")
    record Input(@Schema(maxLength = Limits.TITLE) String subject,
                 @Schema(nullable = true, maxLength = Limits.TEXT) String body,
                 @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.ADDRESSES,
                         schema = @Schema(format = "email", maxLength = Limits.EMAIL)) List<String> to,
                 @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.ADDRESSES,
                         schema = @Schema(format = "email", maxLength = Limits.EMAIL)) List<String> cc,
                 @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.ADDRESSES,
                         schema = @Schema(format = "email", maxLength = Limits.EMAIL)) List<String> bcc,
                 @Schema(description = "A deal's ID") Long deal,
                 @Schema(description = "A request's ID") Long request,
                 @Schema(description = "A contact's ID") Long contact,
                 @Schema(description = "A company's ID") Long company,
                 @Schema(description = "A lead's ID") Long lead,
                 @ArraySchema(arraySchema = @Schema(nullable = true, description = "IDs of file objects of the "
                         + "object it is written from, copied as its attachments")) List<Long> files) {
    }

    /** What a change sends: a draft's own fields (not the object it is written from). */
    @Schema(name = "EmailChange", description = "A draft's subject, body and addresses; only what changes, null "
            + "clears a field (not the subject)")
    record Change(@Schema(maxLength = Limits.TITLE) String subject,
                  @Schema(nullable = true, maxLength = Limits.TEXT) String body,
                  @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.ADDRESSES,
                          schema = @Schema(format = "email", maxLength = Limits.EMAIL)) List<String> to,
                  @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.ADDRESSES,
                          schema = @Schema(format = "email", maxLength = Limits.EMAIL)) List<String> cc,
                  @ArraySchema(arraySchema = @Schema(nullable = true), maxItems = Limits.ADDRESSES,
                          schema = @Schema(format = "email", maxLength = Limits.EMAIL)) List<String> bcc) {
    }
}
