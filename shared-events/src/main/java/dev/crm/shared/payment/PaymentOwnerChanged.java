package dev.crm.shared.payment;

import dev.crm.shared.kind.FieldsEvents;

/**
 * The payment got a new owner because its deal did: an automatic change, {@code causedBy} the deal whose transfer it
 * follows (the user in its metadata is who transferred the deal).
 */
public record PaymentOwnerChanged(long paymentId, String from, String to, long causedBy)
        implements PaymentEvent, FieldsEvents.Transferred {
}
