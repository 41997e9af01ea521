package dev.crm.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Currencies;
import dev.crm.command.Input;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.fields.FieldsAggregate;
import dev.crm.command.payment.PaymentCommands.ChangePayment;
import dev.crm.command.payment.PaymentCommands.CreatePayment;
import dev.crm.command.payment.PaymentCommands.DeletePayment;
import dev.crm.command.payment.PaymentCommands.FollowDealOwner;
import dev.crm.command.payment.PaymentCommands.RestorePayment;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.payment.PaymentChanged;
import dev.crm.shared.payment.PaymentCreated;
import dev.crm.shared.payment.PaymentDeleted;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.shared.payment.PaymentOwnerChanged;
import dev.crm.shared.payment.PaymentRestored;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A payment of a deal. It has its deal's owner and department, always (taken at creation, its deal never changed,
 * the deal's transfers followed: {@link FollowDealOwner}); the deal's co-owner has the owner's rights. Adding one
 * needs the right to add payments to that deal ("own deals"); its amount is above 0 and has its currency.
 */
@Aggregate
public class PaymentAggregate extends FieldsAggregate {

    /** The deal's co-owner, asked before a command's rights are checked; not part of its state. */
    private transient String dealCoOwner;

    protected PaymentAggregate() {
        // for Axon
    }

    @CommandHandler
    public PaymentAggregate(CreatePayment cmd, MetaData metaData, UserDirectory users, PaymentDeals deals,
                            Currencies currencies) {
        Actor actor = Actor.fromMetaData(metaData);
        PaymentDeals.Holder[] holder = new PaymentDeals.Holder[1];
        Map<String, String> values = checkedNew(PaymentKind.KIND, actor, cmd.fields(), checked -> {
            if (cmd.deal() == null) {
                checked.errors().add(Input.error(PaymentKind.DEAL, "validation.required"));
            } else {
                holder[0] = cmd.deal() <= 0 ? null : deals.visible(cmd.deal(), actor).orElse(null);
                if (holder[0] == null) {
                    checked.errors().add(Input.error(PaymentKind.DEAL, "validation.payment.unknown-deal",
                            cmd.deal()));
                }
            }
            rules(checked, Map.of(), currencies);
        });
        PaymentDeals.Holder deal = holder[0];
        if (!Permissions.reaches(actor, PaymentKind.NAME, Action.ADD, deal.owner(), deal.coOwner(), deal.department(),
                () -> users.departmentsOf(actor.username()))) {
            throw new Rejected.Forbidden("error." + PaymentKind.NAME + ".add-forbidden");
        }
        apply(new PaymentCreated(cmd.paymentId(), values, cmd.deal(), deal.owner(), deal.department()));
    }

    @CommandHandler
    public long handle(ChangePayment cmd, MetaData metaData, UserDirectory users, PaymentDeals deals,
                       Currencies currencies) {
        dealCoOwner = deal().map(deals::coOwner).orElse(null);
        List<FieldChange> changes = checkedChange(metaData, users, cmd.expectedVersion(), cmd.fields(),
                checked -> rules(checked, fields(), currencies));
        if (!changes.isEmpty()) {
            apply(new PaymentChanged(id(), changes));
        }
        return Versions.current();
    }

    /** Sent by the deal's transfer, in its transaction, which checked the right to transfer the deal. */
    @CommandHandler
    public long handle(FollowDealOwner cmd, MetaData metaData) {
        if (followsHolder(metaData, cmd.deal(), cmd.owner())) {
            apply(new PaymentOwnerChanged(id(), owner(), cmd.owner(), cmd.deal()));
        }
        return Versions.current();
    }

    /**
     * Deleted on its own (the rights), with its deal (a part of its delete) or by its deal's unsuccessful close (sent
     * by the close, in its transaction, with the deal as its cause: as a part).
     */
    @CommandHandler
    public long handle(DeletePayment cmd, MetaData metaData, UserDirectory users, PaymentDeals deals) {
        dealCoOwner = deal().map(deals::coOwner).orElse(null);
        checkedDelete(metaData, users, cmd.expectedVersion());
        apply(new PaymentDeleted(id()));
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestorePayment cmd, MetaData metaData) {
        checkedRestore(metaData);
        apply(new PaymentRestored(id()));
        return Versions.current();
    }

    @Override
    protected Kind kind() {
        return PaymentKind.KIND;
    }

    @Override
    protected String coOwner() {
        return dealCoOwner;
    }

    private Optional<Long> deal() {
        return Optional.ofNullable(fields().get(PaymentKind.DEAL.name())).map(Long::valueOf);
    }

    /** An amount, above 0, with its currency. */
    private static void rules(Checked checked, Map<String, String> before, Currencies currencies) {
        String amount = checked.values().get(PaymentKind.AMOUNT.name());
        if (checked.errors().stream().noneMatch(e -> PaymentKind.AMOUNT.is(e.field()))) {
            if (amount == null) {
                checked.errors().add(Input.error(PaymentKind.AMOUNT, "validation.required"));
            } else if (new BigDecimal(amount).signum() <= 0) {
                checked.errors().add(Input.error(PaymentKind.AMOUNT, "validation.payment.amount-positive"));
            }
        }
        currencies.check(PaymentKind.AMOUNT, PaymentKind.CURRENCY, before, checked.values(), checked.errors());
    }
}
