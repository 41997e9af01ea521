package dev.crm.shared.payment;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted payment back. */
public record PaymentRestored(long paymentId) implements PaymentEvent, FieldsEvents.Restored {
}
