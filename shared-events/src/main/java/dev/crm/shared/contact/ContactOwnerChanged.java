package dev.crm.shared.contact;

import dev.crm.shared.kind.FieldsEvents;

/**
 * The contact got a new owner because its company did: an automatic change, {@code causedBy} the company whose
 * transfer it follows (the user in its metadata is who transferred the company).
 */
public record ContactOwnerChanged(long contactId, String from, String to, long causedBy)
        implements ContactEvent, FieldsEvents.Transferred {
}
