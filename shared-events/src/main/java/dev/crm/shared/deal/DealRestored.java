package dev.crm.shared.deal;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted deal back (with what its delete took). */
public record DealRestored(long dealId) implements DealEvent, FieldsEvents.Restored {
}
