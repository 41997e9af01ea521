package dev.crm.command.email;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Cascades;
import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.VisibleObjects;
import dev.crm.command.email.EmailCommands.ChangeEmail;
import dev.crm.command.email.EmailCommands.CreateEmail;
import dev.crm.command.email.EmailCommands.DeleteEmail;
import dev.crm.command.email.EmailCommands.FollowConvertedLead;
import dev.crm.command.email.EmailCommands.QueueEmail;
import dev.crm.command.email.EmailCommands.RecordEmailFailed;
import dev.crm.command.email.EmailCommands.RecordEmailSent;
import dev.crm.command.email.EmailCommands.RecordEmailWaiting;
import dev.crm.command.email.EmailCommands.RestoreEmail;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.email.EmailChanged;
import dev.crm.shared.email.EmailCreated;
import dev.crm.shared.email.EmailDeleted;
import dev.crm.shared.email.EmailFailed;
import dev.crm.shared.email.EmailQueued;
import dev.crm.shared.email.EmailSent;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailRestored;
import dev.crm.shared.email.EmailStatus;
import dev.crm.shared.email.EmailWaiting;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A CRM e-mail: the shared rules of a kind of fields by name ({@link FieldsAggregate}) and its own. It is written from
 * exactly one object (deal, request, contact, company or lead) the writer may see, which it never leaves; its
 * addresses are checked one by one ({@code FieldType.EMAILS}); only a draft changes (409 otherwise), never its object
 * (a change may name the one it has); the fields that
 * sending, an import or a reply set are never given ({@code validation.read-only}); an incoming e-mail is only viewed
 * (403 for a change or a delete of its own; it still goes with its object). A reply names the e-mail it answers (one
 * the writer may see) and shares its thread; a new e-mail is its own thread.
 *
 * <p>Sending: a draft or a failed e-mail is queued (who may change it may send it; a new attempt, numbered from 1);
 * the sender records the outcome of the current attempt, sent or failed, once (an outcome of another attempt, or a
 * second one, is refused: 409); while it waits for a stopped mail account, why it waits is its {@code failure}
 * (cleared when it is sent).
 */
@Aggregate
public class EmailAggregate extends FieldsAggregate {

    /** The number of its last attempt at sending (0: never queued). */
    private int attempt;

    protected EmailAggregate() {
        // for Axon
    }

    @CommandHandler
    public EmailAggregate(CreateEmail cmd, MetaData metaData, UserDirectory users, VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = new HashMap<>(checkedNew(EmailKind.KIND, actor, cmd.fields(), checked -> {
            readOnly(cmd.fields(), EmailKind.SET_BY_ACTIONS, checked);
            oneLink(checked);
            Input.referenced(EmailKind.KIND, Map.of(), checked.values(), actor, objects, checked.errors());
            if (cmd.reply() != null && !objects.visible(EmailKind.KIND, cmd.reply().inReplyTo(), actor)) {
                checked.errors().add(Input.error(EmailKind.IN_REPLY_TO, "validation.unknown-object",
                        cmd.reply().inReplyTo()));
            }
        }));
        values.put(EmailKind.IN_REPLY_TO.name(), cmd.reply() == null ? null
                : Long.toString(cmd.reply().inReplyTo()));
        values.put(EmailKind.THREAD.name(), Long.toString(cmd.reply() == null ? cmd.emailId() : cmd.reply().thread()));
        apply(new EmailCreated(cmd.emailId(), values, actor.username(), users.homeDepartment(actor.username())));
    }

    /** Only a draft changes; never the object it is written from, nor what actions set. */
    @CommandHandler
    public long handle(ChangeEmail cmd, MetaData metaData, UserDirectory users) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            requireOutgoing();
            requireDraft();
            readOnly(cmd.fields(), EmailKind.SET_BY_ACTIONS, checked);
            for (Field link : EmailKind.LINKS) {
                if (!java.util.Objects.equals(fields().get(link.name()), checked.values().get(link.name()))) {
                    checked.errors().add(Input.error(link, "validation.email.link-fixed"));
                }
            }
        });
        if (!changes.isEmpty()) {
            apply(new EmailChanged(id(), changes));
        }
        return Versions.current();
    }

    /** A draft or a failed e-mail goes to the outbox: its next attempt, through {@code account}. */
    @CommandHandler
    public long handle(QueueEmail cmd, MetaData metaData, UserDirectory users) {
        require(Actor.fromMetaData(metaData), dev.crm.shared.access.Permissions.Action.CHANGE, users);
        requireOutgoing();
        String status = fields().get(EmailKind.STATUS.name());
        if (!EmailStatus.DRAFT.apiName().equals(status) && !EmailStatus.FAILED.apiName().equals(status)) {
            throw new Rejected.WrongState("error.email.not-sendable", id());
        }
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.of(EmailKind.STATUS.name(), status, EmailStatus.QUEUED.apiName()));
        if (fields().get(EmailKind.FAILURE.name()) != null) {
            changes.add(FieldChange.of(EmailKind.FAILURE.name(), fields().get(EmailKind.FAILURE.name()), null));
        }
        apply(new EmailQueued(id(), attempt + 1, cmd.account(), cmd.messageId(), changes));
        return Versions.current();
    }

    /** The server accepted the current attempt. */
    @CommandHandler
    public long handle(RecordEmailSent cmd) {
        requireQueued(cmd.attempt());
        List<FieldChange> changes = new ArrayList<>(List.of(
                FieldChange.of(EmailKind.STATUS.name(), EmailStatus.QUEUED.apiName(), EmailStatus.SENT.apiName()),
                FieldChange.of(EmailKind.SENT.name(), "false", "true"),
                FieldChange.of(EmailKind.SENT_AT.name(), null, cmd.sentAt().toString())));
        if (fields().get(EmailKind.FAILURE.name()) != null) {
            changes.add(FieldChange.of(EmailKind.FAILURE.name(), fields().get(EmailKind.FAILURE.name()), null));
        }
        apply(new EmailSent(id(), cmd.attempt(), changes));
        return Versions.current();
    }

    /** The current attempt waits (its account is stopped): why, once (the same reason again: nothing new). */
    @CommandHandler
    public long handle(RecordEmailWaiting cmd) {
        requireQueued(cmd.attempt());
        String reason = reason(cmd.reason());
        String was = fields().get(EmailKind.FAILURE.name());
        if (!reason.equals(was)) {
            apply(new EmailWaiting(id(), cmd.attempt(), List.of(FieldChange.of(EmailKind.FAILURE.name(), was,
                    reason))));
        }
        return Versions.current();
    }

    /** A reason as kept: stripped, "unknown" for none, cut to the field's length. */
    private static String reason(String given) {
        String reason = given == null || given.isBlank() ? "unknown" : given.strip();
        return reason.length() > EmailKind.FAILURE.max() ? reason.substring(0, EmailKind.FAILURE.max()) : reason;
    }

    /** The current attempt failed for good. */
    @CommandHandler
    public long handle(RecordEmailFailed cmd) {
        requireQueued(cmd.attempt());
        String reason = reason(cmd.reason());
        apply(new EmailFailed(id(), cmd.attempt(), List.of(
                FieldChange.of(EmailKind.STATUS.name(), EmailStatus.QUEUED.apiName(), EmailStatus.FAILED.apiName()),
                FieldChange.of(EmailKind.FAILURE.name(), fields().get(EmailKind.FAILURE.name()), reason))));
        return Versions.current();
    }

    @Override
    protected void changed(FieldsEvents.Changed e) {
        if (e instanceof EmailQueued queued) {
            attempt = queued.attempt();
        }
    }

    /** 409 unless it is queued for attempt {@code n} (its outcome is recorded once). */
    private void requireQueued(int n) {
        if (!EmailStatus.QUEUED.apiName().equals(fields().get(EmailKind.STATUS.name())) || n != attempt) {
            throw new Rejected.WrongState("error.email.not-queued", id());
        }
    }

    /** Deleted on its own (the rights; not an incoming one), or with the object it was written from. */
    @CommandHandler
    public long handle(DeleteEmail cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        if (!Cascades.isPart(metaData)) {
            requireOutgoing();
        }
        apply(new EmailDeleted(id()));
        return Versions.current();
    }

    /**
     * Its lead was converted: the e-mail leaves the lead for the contact the lead became, its one object still (the
     * conversion checked the right to change the lead; an e-mail of another lead, or not sent by that conversion: 404).
     */
    @CommandHandler
    public long handle(FollowConvertedLead cmd, MetaData metaData) {
        requireCausedBy(metaData, cmd.lead());
        if (!Long.toString(cmd.lead()).equals(fields().get(EmailKind.LEAD.name()))) {
            throw new Rejected.NotFound(id());
        }
        Map<String, String> moved = new HashMap<>();
        moved.put(EmailKind.LEAD.name(), null);
        moved.put(EmailKind.CONTACT.name(), Long.toString(cmd.contact()));
        List<FieldChange> changes = Input.changes(EmailKind.KIND, fields(), moved);
        if (!changes.isEmpty()) {
            apply(new EmailChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreEmail cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new EmailRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return EmailKind.KIND;
    }

    /** 409 unless it is a draft. */
    private void requireDraft() {
        if (!EmailStatus.DRAFT.apiName().equals(fields().get(EmailKind.STATUS.name()))) {
            throw new Rejected.WrongState("error.email.not-a-draft", id());
        }
    }

    /** 403 for an incoming e-mail: it is only viewed. */
    private void requireOutgoing() {
        if ("true".equals(fields().get(EmailKind.INCOMING.name()))) {
            throw new Rejected.Forbidden("error.email.incoming");
        }
    }

    /** Each of these fields given is an error: actions set them. */
    private static void readOnly(Map<String, Object> given, List<Field> fields, Checked checked) {
        for (Field field : fields) {
            if (given.containsKey(field.name())) {
                checked.errors().add(Input.error(field, "validation.read-only"));
            }
        }
    }

    /** Exactly one object it is written from. */
    private static void oneLink(Checked checked) {
        List<Field> given = EmailKind.LINKS.stream().filter(f -> checked.values().get(f.name()) != null).toList();
        if (given.isEmpty() && checked.errors().stream().noneMatch(e -> EmailKind.LINKS.stream()
                .anyMatch(f -> f.is(e.field())))) {
            checked.errors().add(Input.error(EmailKind.DEAL, "validation.email.one-link"));
        } else if (given.size() > 1) {
            checked.errors().add(Input.error(given.get(1), "validation.email.one-link"));
        }
    }
}
