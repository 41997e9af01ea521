package dev.crm.shared.contact;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted contact back (with what its delete took). */
public record ContactRestored(long contactId) implements ContactEvent, FieldsEvents.Restored {
}
