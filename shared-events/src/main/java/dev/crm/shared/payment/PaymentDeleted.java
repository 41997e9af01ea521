package dev.crm.shared.payment;

import dev.crm.shared.kind.FieldsEvents;

/** The payment was deleted: on its own, with its deal, or by its deal's unsuccessful close (metadata causedBy). */
public record PaymentDeleted(long paymentId) implements PaymentEvent, FieldsEvents.Deleted {
}
