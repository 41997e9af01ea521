package dev.crm.shared.payment;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a payment. */
public sealed interface PaymentEvent extends FieldsEvents.OfKind
        permits PaymentCreated, PaymentChanged, PaymentOwnerChanged, PaymentDeleted, PaymentRestored {

    long paymentId();

    @Override
    default long objectId() {
        return paymentId();
    }

    @Override
    default Kind kind() {
        return PaymentKind.KIND;
    }
}
