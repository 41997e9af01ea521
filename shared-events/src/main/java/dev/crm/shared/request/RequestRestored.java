package dev.crm.shared.request;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted request back (with what its delete took). */
public record RequestRestored(long requestId) implements RequestEvent, FieldsEvents.Restored {
}
