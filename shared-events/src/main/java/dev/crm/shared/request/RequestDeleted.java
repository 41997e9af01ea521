package dev.crm.shared.request;

import dev.crm.shared.kind.FieldsEvents;

public record RequestDeleted(long requestId) implements RequestEvent, FieldsEvents.Deleted {
}
