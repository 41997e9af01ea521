package dev.crm.command.payment;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.payment.PaymentKind;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payment commands, shaped as the contact's: its deal is given on create and never changed; its owner follows
 * its deal's ({@link FollowDealOwner}).
 */
public final class PaymentCommands {

    /** How the shared code makes them; on create, its deal is one of the fields given. */
    public static final FieldsCommands ALL = new FieldsCommands(PaymentKind.KIND, PaymentCommands::create,
            ChangePayment::new, null, FollowDealOwner::new, DeletePayment::new, RestorePayment::new);

    private PaymentCommands() {
    }

    private static CreatePayment create(long id, Map<String, Object> fields) {
        Map<String, Object> own = new HashMap<>(fields);
        Object deal = own.remove(PaymentKind.DEAL.name());
        Long dealId;
        try {
            dealId = deal == null ? null : Long.valueOf(deal.toString().strip());
        } catch (NumberFormatException e) {
            dealId = -1L;
        }
        return new CreatePayment(id, dealId, own);
    }

    public record CreatePayment(@TargetAggregateIdentifier long paymentId, Long deal, Map<String, Object> fields) {
    }

    public record ChangePayment(@TargetAggregateIdentifier long paymentId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    /** The payment's deal {@code deal} was transferred to {@code owner}: an automatic change. */
    public record FollowDealOwner(@TargetAggregateIdentifier long paymentId, long deal, String owner) {
    }

    public record DeletePayment(@TargetAggregateIdentifier long paymentId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted payment back. */
    public record RestorePayment(@TargetAggregateIdentifier long paymentId) {
    }
}
