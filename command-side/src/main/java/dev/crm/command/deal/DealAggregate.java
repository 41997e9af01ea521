package dev.crm.command.deal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Currencies;
import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.VisibleObjects;
import dev.crm.command.deal.DealCommands.ChangeDeal;
import dev.crm.command.deal.DealCommands.CloseDeal;
import dev.crm.command.deal.DealCommands.CreateDeal;
import dev.crm.command.deal.DealCommands.DeleteDeal;
import dev.crm.command.deal.DealCommands.FollowConvertedLead;
import dev.crm.command.deal.DealCommands.RestoreDeal;
import dev.crm.command.deal.DealCommands.TransferDeal;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.deal.DealChanged;
import dev.crm.shared.deal.DealClosed;
import dev.crm.shared.deal.DealCreated;
import dev.crm.shared.deal.DealDeleted;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.deal.DealOwnerChanged;
import dev.crm.shared.deal.DealRestored;
import dev.crm.shared.deal.DealStageChanged;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A deal: the shared rules of a kind of fields by name ({@link FieldsAggregate}, its co-owner with the owner's rights)
 * and its own. It is made only through a request (who may change deals may make one; the request's rules are its
 * sender's); its stage is one of its department's (or every department's), the default one when none is given, and a
 * move to another stage is a {@link DealStageChanged} of its own; the objects it is a part of and its products exist
 * and are visible ({@link Input#referenced}); an amount needs its currency. Closing ({@link CloseDeal}) sets the reason and the date, and a
 * success reason moves it to its department's success stage; a closed deal is not closed again and keeps its stage.
 */
@Aggregate
public class DealAggregate extends FieldsAggregate {

    protected DealAggregate() {
        // for Axon
    }

    @CommandHandler
    public DealAggregate(CreateDeal cmd, MetaData metaData, UserDirectory users, Currencies currencies,
                         DealReferenceData reference, VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        Long department = users.homeDepartment(actor.username());
        Map<String, String> values = checkedNew(DealKind.KIND, actor, Action.CHANGE, cmd.fields(), checked -> {
            rules(checked, Map.of(), department, users, currencies, reference);
            Input.referenced(DealKind.KIND, Map.of(), checked.values(), actor, objects, checked.errors());
            if (checked.values().get(DealKind.STAGE.name()) == null) {
                reference.defaultStage(department)
                        .ifPresent(stage -> checked.values().put(DealKind.STAGE.name(), stage.toString()));
            }
        });
        apply(new DealCreated(cmd.dealId(), values, actor.username(), department));
    }

    @CommandHandler
    public long handle(ChangeDeal cmd, MetaData metaData, UserDirectory users, Currencies currencies,
                       DealReferenceData reference, VisibleObjects objects) {
        Actor actor = Actor.fromMetaData(metaData);
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(), checked -> {
            rules(checked, fields(), department(), users, currencies, reference);
            Input.referenced(DealKind.KIND, fields(), checked.values(), actor, objects, checked.errors());
        });
        List<FieldChange> own = new ArrayList<>();
        FieldChange stage = null;
        for (FieldChange change : changes) {
            if (DealKind.STAGE.is(change.field())) {
                stage = change;
            } else {
                own.add(change);
            }
        }
        if (stage != null && closed()) {
            throw new Rejected.WrongState("error.deal.closed");
        }
        if (!own.isEmpty()) {
            apply(new DealChanged(id(), own));
        }
        if (stage != null) {
            apply(new DealStageChanged(id(), stage.from() == null ? null : Long.valueOf(stage.from()),
                    Long.parseLong(stage.to())));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(CloseDeal cmd, MetaData metaData, UserDirectory users, DealReferenceData reference,
                       Clock clock) {
        require(Actor.fromMetaData(metaData), Action.CHANGE, users);
        Versions.require(cmd.expectedVersion());
        if (closed()) {
            throw new Rejected.WrongState("error.deal.closed");
        }
        if (cmd.closingReason() == null) {
            throw new Rejected.Invalid(DealKind.CLOSING_REASON.name(), "validation.required");
        }
        Optional<Boolean> success = reference.closingSuccess(cmd.closingReason());
        if (success.isEmpty()) {
            throw new Rejected.Invalid(DealKind.CLOSING_REASON.name(), "validation.deal.unknown-closing-reason",
                    cmd.closingReason());
        }
        if (success.get()) {
            Long from = stage();
            reference.successStage(department()).filter(to -> !to.equals(from))
                    .ifPresent(to -> apply(new DealStageChanged(id(), from, to)));
        }
        apply(new DealClosed(id(), cmd.closingReason(), clock.instant().toString()));
        return Versions.current();
    }

    /**
     * Sent by its lead's conversion, which checked the right to change the lead: it is the contact's and company's the
     * lead was converted into from now on (a change in its history caused by the lead). Only a live deal of that
     * lead, and only as caused by it (404 otherwise).
     */
    @CommandHandler
    public long handle(FollowConvertedLead cmd, MetaData metaData) {
        requireCausedBy(metaData, cmd.lead());
        if (!Long.toString(cmd.lead()).equals(fields().get(DealKind.LEAD.name()))) {
            throw new Rejected.NotFound(id());
        }
        List<FieldChange> changes = Input.changes(DealKind.KIND, fields(), Map.of(
                DealKind.CONTACT.name(), Long.toString(cmd.contact()),
                DealKind.COMPANY.name(), Long.toString(cmd.company())));
        if (!changes.isEmpty()) {
            apply(new DealChanged(id(), changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferDeal cmd, MetaData metaData, UserDirectory users) {
        String to = checkedTransfer(metaData, users, cmd.expectedVersion(), cmd.owner());
        if (to != null) {
            apply(new DealOwnerChanged(id(), owner(), to));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteDeal cmd, MetaData metaData, UserDirectory users) {
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new DealDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreDeal cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new DealRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return DealKind.KIND;
    }

    private boolean closed() {
        return fields().get(DealKind.CLOSED_AT.name()) != null;
    }

    private Long stage() {
        String stage = fields().get(DealKind.STAGE.name());
        return stage == null ? null : Long.valueOf(stage);
    }

    /**
     * Its own rules over the values as the command would leave them ({@code before}: as they are): closing's fields
     * are closing's; a stage given is one of its department's and is not cleared; a co-owner is an active user; an amount
     * has its currency.
     */
    private static void rules(Checked checked, Map<String, String> before, Long department,
                              UserDirectory users, Currencies currencies, DealReferenceData reference) {
        Map<String, String> after = checked.values();
        List<dev.crm.command.Rejected.FieldError> errors = checked.errors();
        for (Field field : DealKind.SET_BY_CLOSING) {
            if (!Objects.equals(after.get(field.name()), before.get(field.name()))
                    && errors.stream().noneMatch(e -> field.is(e.field()))) {
                errors.add(Input.error(field, "validation.deal.set-by-closing"));
            }
        }
        String stage = after.get(DealKind.STAGE.name());
        if (!Objects.equals(stage, before.get(DealKind.STAGE.name()))) {
            if (stage == null) {
                if (before.get(DealKind.STAGE.name()) != null) {
                    errors.add(Input.error(DealKind.STAGE, "validation.required"));
                }
            } else if (!reference.stageOf(Long.parseLong(stage), department)) {
                errors.add(Input.error(DealKind.STAGE, "validation.deal.stage-of-department", stage));
            }
        }
        String coOwner = after.get(DealKind.CO_OWNER.name());
        if (coOwner != null && !coOwner.equals(before.get(DealKind.CO_OWNER.name()))
                && !users.isActiveUser(coOwner)) {
            errors.add(Input.error(DealKind.CO_OWNER, "validation.unknown-user", coOwner));
        }
        currencies.check(DealKind.AMOUNT, DealKind.CURRENCY, before, after, errors);
    }
}
