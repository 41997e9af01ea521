package dev.crm.shared.email;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted e-mail back (after the object it was written from). */
public record EmailRestored(long emailId) implements EmailEvent, FieldsEvents.Restored {
}
