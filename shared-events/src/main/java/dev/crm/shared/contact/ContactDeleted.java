package dev.crm.shared.contact;

import dev.crm.shared.kind.FieldsEvents;

public record ContactDeleted(long contactId) implements ContactEvent, FieldsEvents.Deleted {
}
