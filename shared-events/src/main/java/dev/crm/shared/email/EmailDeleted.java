package dev.crm.shared.email;

import dev.crm.shared.kind.FieldsEvents;

/** The e-mail was deleted: on its own, or with the object it was written from. */
public record EmailDeleted(long emailId) implements EmailEvent, FieldsEvents.Deleted {
}
