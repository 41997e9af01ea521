package dev.crm.command.email;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.email.EmailKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The e-mail commands, shaped as the company's ({@code CompanyCommands}) without a transfer (who wrote it owns it); a
 * reply is a create that names the e-mail it answers ({@link Reply}).
 */
public final class EmailCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(EmailKind.KIND,
            (id, fields) -> new CreateEmail(id, fields, null), ChangeEmail::new, null, null, DeleteEmail::new,
            RestoreEmail::new);

    private EmailCommands() {
    }

    /** What a reply answers: the e-mail (which the writer may see) and its thread. */
    public record Reply(long inReplyTo, long thread) {
    }

    /** A new draft; {@code reply}: null for a new conversation. */
    public record CreateEmail(@TargetAggregateIdentifier long emailId, Map<String, Object> fields, Reply reply) {
    }

    public record ChangeEmail(@TargetAggregateIdentifier long emailId, Long expectedVersion,
                              Map<String, Object> fields) {
    }

    public record DeleteEmail(@TargetAggregateIdentifier long emailId, Long expectedVersion) {
    }

    /**
     * Queues a draft (or a failed e-mail, again) for sending through mail account {@code account} with the
     * {@code Message-ID} fixed now: who may change it may send it.
     */
    public record QueueEmail(@TargetAggregateIdentifier long emailId, long account, String messageId) {
    }

    /** (the sender) The server accepted attempt {@code attempt}, at {@code sentAt}. */
    public record RecordEmailSent(@TargetAggregateIdentifier long emailId, int attempt, java.time.Instant sentAt) {
    }

    /** (the sender) Attempt {@code attempt} failed for good: {@code reason}, without secrets. */
    public record RecordEmailFailed(@TargetAggregateIdentifier long emailId, int attempt, String reason) {
    }

    /**
     * (the sender) Attempt {@code attempt} is not tried now and stays queued: {@code reason}, why it waits (its mail
     * account is stopped), without secrets.
     */
    public record RecordEmailWaiting(@TargetAggregateIdentifier long emailId, int attempt, String reason) {
    }

    /**
     * Its lead was converted into a contact: the e-mail moves to that contact (sent by the conversion, in its
     * transaction, with the lead as the cause).
     */
    public record FollowConvertedLead(@TargetAggregateIdentifier long emailId, long lead, long contact) {
    }

    /** (admin) Brings a deleted e-mail back. */
    public record RestoreEmail(@TargetAggregateIdentifier long emailId) {
    }
}
