package dev.crm.web.reference;

import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.MailAccountStopped;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A mail account in the API: never its password, only whether it has one. */
@Schema(name = "MailAccount", description = "An SMTP account the CRM sends through; at most one account of an owner "
        + "is their main one. Its password is never answered: passwordSet says whether it has one")
record MailAccountJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "mail_account") String kind,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Sales") String name,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "smtp.example.com") String host,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "587") int port,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"none", "starttls", "ssl"})
                       String security,
                       @Schema(description = "The login name; none: no login") String username,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "Whether a password is stored (it is never shown)") boolean passwordSet,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "sales@example.com") String from,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The owner's username") String owner,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "The owner's main account (business correspondence)") boolean main,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "Used for e-mail campaigns") boolean massmail,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "500") int dailyLimit,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "30") int intervalSeconds,
                       @Schema(description = "Why sending through it is stopped (the mail server refused its login; "
                               + "never the password); none: it sends. E-mails through a stopped account wait, queued, "
                               + "until an administrator changes its connection or resumes it")
                       String stopped,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static MailAccountJson of(ReferenceView r) {
        return new MailAccountJson(r.id(), ReferenceKind.MAIL_ACCOUNT.kind().name(), r.value(Fields.NAME.name()),
                r.value(Fields.HOST.name()), Integer.parseInt(r.value(Fields.PORT.name())), r.value(Fields.SECURITY.name()),
                r.value(Fields.USERNAME.name()), r.value(Fields.PASSWORD.name()) != null, r.value(Fields.FROM.name()),
                r.value(Fields.OWNER.name()), r.flag(Fields.MAIN.name()), r.flag(Fields.MASSMAIL.name()),
                Integer.parseInt(r.value(Fields.DAILY_LIMIT.name())), Integer.parseInt(r.value(Fields.INTERVAL_SECONDS.name())),
                r.value(MailAccountStopped.FIELD), r.version(), r.createdAt(), r.updatedAt());
    }

    @Schema(name = "MailAccountInput", description = "A mail account's fields; a create needs name, host, port, from and "
            + "owner (an active user). security: none, starttls (default) or ssl; dailyLimit from 1 (500 when not "
            + "given), intervalSeconds from 0 (0); main: true takes the mark from the owner's other account. password: "
            + "stored encrypted, never answered; on a change, absent or empty keeps the stored one")
    record Input(String name, String host, Integer port, String security, String username,
                 @Schema(accessMode = Schema.AccessMode.WRITE_ONLY, format = "password") String password,
                 @Schema(example = "sales@example.com", description = "An e-mail address") String from, String owner, Boolean main, Boolean massmail,
                 Integer dailyLimit, Integer intervalSeconds) {
    }

    /** What a test message is sent to. */
    @Schema(name = "MailAccountTest", description = "The address a test message goes to")
    record Test(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "ann@example.com",
            description = "An e-mail address") String to) {
    }
}
