package dev.crm.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Input;
import dev.crm.command.MassmailAccounts;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.VisibleObjects;
import dev.crm.command.Rejected;
import dev.crm.command.campaign.CampaignCommands.CancelCampaign;
import dev.crm.command.campaign.CampaignCommands.ChangeCampaign;
import dev.crm.command.campaign.CampaignCommands.FinishCampaign;
import dev.crm.command.campaign.CampaignCommands.LaunchCampaign;
import dev.crm.command.campaign.CampaignCommands.PauseCampaign;
import dev.crm.command.campaign.CampaignCommands.RecordCampaignWaiting;
import dev.crm.command.campaign.CampaignCommands.RecordRecipient;
import dev.crm.command.campaign.CampaignCommands.ResumeCampaign;
import dev.crm.command.campaign.CampaignCommands.CreateCampaign;
import dev.crm.command.campaign.CampaignCommands.DeleteCampaign;
import dev.crm.command.campaign.CampaignCommands.RecordTestSend;
import dev.crm.command.campaign.CampaignCommands.RestoreCampaign;
import dev.crm.command.campaign.CampaignCommands.TransferCampaign;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.campaign.CampaignCanceled;
import dev.crm.shared.campaign.CampaignChanged;
import dev.crm.shared.campaign.CampaignDone;
import dev.crm.shared.campaign.CampaignLaunched;
import dev.crm.shared.campaign.CampaignPaused;
import dev.crm.shared.campaign.CampaignRecipientEvent;
import dev.crm.shared.campaign.CampaignRecipientFailed;
import dev.crm.shared.campaign.CampaignRecipientSent;
import dev.crm.shared.campaign.CampaignRecipientSkipped;
import dev.crm.shared.campaign.CampaignResumed;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.shared.campaign.CampaignWaiting;
import dev.crm.shared.campaign.CampaignCreated;
import dev.crm.shared.campaign.CampaignDeleted;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignOwnerChanged;
import dev.crm.shared.campaign.CampaignRestored;
import dev.crm.shared.campaign.CampaignTestSent;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.kind.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A campaign: the shared rules of a kind of fields by name ({@link FieldsAggregate}), and its own: its account is a
 * live mail account meant for mass mail ({@link MassmailAccounts}, {@code validation.campaign.account}); its
 * recipients are objects its author may see ({@link Input#referenced}); its status and counts are never given
 * ({@code validation.read-only}). A test send, made by whoever may change it, is recorded ({@link CampaignTestSent}).
 *
 * <p>Its launch, pause, resume and cancel (by who may change it) move its status (409 {@code error.campaign.wrong-state}
 * from any other); once launched its texts, account and recipients no longer change ({@code error.campaign.launched}).
 * Its sender ({@code CampaignSender} of the application) records each recipient's outcome (counted once), its waits,
 * a pause of its own with the reason, and its end.
 */
@Aggregate
public class CampaignAggregate extends FieldsAggregate {

    /** The recipients whose outcome is recorded ({@code kind:id}): each counted once. */
    private final Set<String> recorded = new HashSet<>();

    protected CampaignAggregate() {
        // for Axon
    }

    @CommandHandler
    public CampaignAggregate(CreateCampaign cmd, MetaData metaData, UserDirectory users, MassmailAccounts accounts,
                             VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        Map<String, String> values = checkedNew(CampaignKind.KIND, actor, cmd.fields(), checked -> {
            rules(cmd.fields(), checked, accounts);
            Input.referenced(CampaignKind.KIND, Map.of(), checked.values(), actor, objects, checked.errors());
        });
        apply(new CampaignCreated(cmd.campaignId(), values, actor.username(),
                users.homeDepartment(actor.username())));
    }

    @CommandHandler
    public long handle(ChangeCampaign cmd, MetaData metaData, UserDirectory users, MassmailAccounts accounts,
                       VisibleObjects objects) {
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            rules(cmd.fields(), checked, accounts);
            Input.referenced(CampaignKind.KIND, fields(), checked.values(), Actor.fromMetaData(metaData), objects,
                    checked.errors());
        });
        if (status() != CampaignStatus.DRAFT && changes.stream().anyMatch(
                c -> CampaignKind.FROZEN_AT_LAUNCH.stream().anyMatch(f -> f.is(c.field())))) {
            throw new Rejected.WrongState("error.campaign.launched");
        }
        if (!changes.isEmpty()) {
            apply(new CampaignChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferCampaign cmd, MetaData metaData, UserDirectory users) {
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new CampaignOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    /** Sent by the test send once its message is sent: who may change the campaign may test it. */
    @CommandHandler
    public long handle(RecordTestSend cmd, MetaData metaData, UserDirectory users, Clock clock) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        apply(new CampaignTestSent(id(), cmd.to(), clock.instant().toString()));
        return Versions.current();
    }

    /**
     * Starts sending a draft (409 {@code error.campaign.wrong-state} otherwise) that has a live mass-mail account, a
     * subject, a text and recipients (409 each with its key): its total is frozen now.
     */
    @CommandHandler
    public long handle(LaunchCampaign cmd, MetaData metaData, UserDirectory users, MassmailAccounts accounts,
                       Clock clock) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        inState(CampaignStatus.DRAFT);
        String account = fields().get(CampaignKind.ACCOUNT.name());
        if (account == null) {
            throw new Rejected.WrongState("error.campaign.no-account");
        }
        if (!accounts.isMassmail(Long.parseLong(account))) {
            throw new Rejected.WrongState("error.campaign.account-unusable");
        }
        if (blank(CampaignKind.SUBJECT) || blank(CampaignKind.BODY)) {
            throw new Rejected.WrongState("error.campaign.no-text");
        }
        int total = 0;
        for (Field field : CampaignKind.RECIPIENTS) {
            total += Lines.decode(fields().get(field.name())).size();
        }
        if (total == 0) {
            throw new Rejected.WrongState("error.campaign.no-recipients");
        }
        List<FieldChange> changes = new ArrayList<>();
        changes.add(status(CampaignStatus.RUNNING));
        changes.add(change(CampaignKind.TOTAL, Integer.toString(total)));
        changes.add(change(CampaignKind.STARTED_AT, clock.instant().toString()));
        apply(new CampaignLaunched(id(), changes));
        return Versions.current();
    }

    /** Pauses a running or waiting campaign: a user who may change it, or its sender with a reason. */
    @CommandHandler
    public long handle(PauseCampaign cmd, MetaData metaData, UserDirectory users) {
        if (cmd.reason() == null) {
            require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        }
        inState(CampaignStatus.RUNNING, CampaignStatus.WAITING);
        apply(new CampaignPaused(id(), withReason(status(CampaignStatus.PAUSED), cmd.reason(), null)));
        return Versions.current();
    }

    @CommandHandler
    public long handle(ResumeCampaign cmd, MetaData metaData, UserDirectory users) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        inState(CampaignStatus.PAUSED);
        apply(new CampaignResumed(id(), withReason(status(CampaignStatus.RUNNING), null, null)));
        return Versions.current();
    }

    @CommandHandler
    public long handle(CancelCampaign cmd, MetaData metaData, UserDirectory users, Clock clock) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        inState(CampaignStatus.RUNNING, CampaignStatus.WAITING, CampaignStatus.PAUSED);
        List<FieldChange> changes = withReason(status(CampaignStatus.CANCELED), null, null);
        changes.add(change(CampaignKind.ENDED_AT, clock.instant().toString()));
        apply(new CampaignCanceled(id(), changes));
        return Versions.current();
    }

    /** Its sender: it waits (nothing happens when it waits so already, or is no longer sent). */
    @CommandHandler
    public long handle(RecordCampaignWaiting cmd) {
        CampaignStatus status = status();
        String until = cmd.until() == null ? null : cmd.until().toString();
        if (status.sending() && !(status == CampaignStatus.WAITING
                && Objects.equals(cmd.reason(), fields().get(CampaignKind.REASON.name()))
                && Objects.equals(until, fields().get(CampaignKind.UNTIL.name())))) {
            apply(new CampaignWaiting(id(), withReason(status(CampaignStatus.WAITING), cmd.reason(), until)));
        }
        return Versions.current();
    }

    /**
     * Its sender: one recipient's outcome, counted once (the same recipient recorded again changes nothing), also when
     * it was paused or canceled meanwhile (the message went); a waiting campaign runs again.
     */
    @CommandHandler
    public long handle(RecordRecipient cmd, Clock clock) {
        if (status() == CampaignStatus.DRAFT) {
            throw new Rejected.WrongState("error.campaign.wrong-state");
        }
        if (recorded.contains(cmd.recipientKind() + ":" + cmd.recipientId())) {
            return Versions.current();
        }
        Field count = switch (cmd.outcome()) {
            case SENT -> CampaignKind.SENT;
            case FAILED -> CampaignKind.FAILED;
            case SKIPPED -> CampaignKind.SKIPPED;
        };
        List<FieldChange> changes = new ArrayList<>();
        String was = fields().get(count.name());
        changes.add(new FieldChange(count.name(), was, Long.toString((was == null ? 0 : Long.parseLong(was)) + 1)));
        if (status() == CampaignStatus.WAITING) {
            changes.addAll(withReason(status(CampaignStatus.RUNNING), null, null));
        }
        String at = clock.instant().toString();
        apply(switch (cmd.outcome()) {
            case SENT -> new CampaignRecipientSent(id(), cmd.recipientKind(), cmd.recipientId(), cmd.address(),
                    cmd.messageId(), at, changes);
            case FAILED -> new CampaignRecipientFailed(id(), cmd.recipientKind(), cmd.recipientId(), cmd.address(),
                    cmd.messageId(), cmd.reason(), at, changes);
            case SKIPPED -> new CampaignRecipientSkipped(id(), cmd.recipientKind(), cmd.recipientId(), cmd.address(),
                    cmd.reason(), at, changes);
        });
        return Versions.current();
    }

    /** Its sender: every recipient has an outcome, it is done (nothing happens when it is not sent now). */
    @CommandHandler
    public long handle(FinishCampaign cmd, Clock clock) {
        if (status().sending()) {
            List<FieldChange> changes = withReason(status(CampaignStatus.DONE), null, null);
            changes.add(change(CampaignKind.ENDED_AT, clock.instant().toString()));
            apply(new CampaignDone(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteCampaign cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new CampaignDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreCampaign cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new CampaignRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return CampaignKind.KIND;
    }

    @Override
    protected void changed(FieldsEvents.Changed e) {
        if (e instanceof CampaignRecipientEvent r) {
            recorded.add(r.recipientKind() + ":" + r.recipientId());
        }
    }

    private CampaignStatus status() {
        String status = fields().get(CampaignKind.STATUS.name());
        return status == null ? CampaignStatus.DRAFT : CampaignStatus.of(status);
    }

    private void inState(CampaignStatus... allowed) {
        if (!List.of(allowed).contains(status())) {
            throw new Rejected.WrongState("error.campaign.wrong-state");
        }
    }

    private boolean blank(Field field) {
        String value = fields().get(field.name());
        return value == null || value.isBlank();
    }

    private FieldChange status(CampaignStatus to) {
        return change(CampaignKind.STATUS, to.apiName());
    }

    private FieldChange change(Field field, String to) {
        return new FieldChange(field.name(), fields().get(field.name()), to);
    }

    /** The change of the status, with the reason and until set (or cleared) when they differ. */
    private List<FieldChange> withReason(FieldChange status, String reason, String until) {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(status);
        if (!Objects.equals(reason, fields().get(CampaignKind.REASON.name()))) {
            changes.add(change(CampaignKind.REASON, reason));
        }
        if (!Objects.equals(until, fields().get(CampaignKind.UNTIL.name()))) {
            changes.add(change(CampaignKind.UNTIL, until));
        }
        return changes;
    }

    /** Its status and counts are not given; its account, when it has one, is a mass-mail account. */
    private static void rules(Map<String, Object> given, Checked checked, MassmailAccounts accounts) {
        for (Field field : CampaignKind.SET_BY_ACTIONS) {
            if (given.containsKey(field.name())) {
                checked.errors().add(Input.error(field, "validation.read-only"));
            }
        }
        String account = checked.values().get(CampaignKind.ACCOUNT.name());
        if (account != null && checked.errors().stream().noneMatch(e -> CampaignKind.ACCOUNT.is(e.field()))
                && !accounts.isMassmail(Long.parseLong(account))) {
            checked.errors().add(Input.error(CampaignKind.ACCOUNT, "validation.campaign.account"));
        }
    }
}
