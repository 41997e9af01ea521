package dev.crm.shared.payment;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a payment were edited, each from its old to its new value (never its deal). */
public record PaymentChanged(long paymentId, List<FieldChange> changes) implements PaymentEvent, FieldsEvents.Changed {

    public PaymentChanged {
        changes = List.copyOf(changes);
    }
}
