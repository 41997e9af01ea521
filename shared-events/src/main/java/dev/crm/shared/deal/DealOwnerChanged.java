package dev.crm.shared.deal;

import dev.crm.shared.kind.FieldsEvents;

/** The deal was given to another owner. */
public record DealOwnerChanged(long dealId, String from, String to) implements DealEvent, FieldsEvents.Transferred {
}
