package dev.crm.shared.request;

import dev.crm.shared.kind.FieldsEvents;

/** The request was given to another owner. */
public record RequestOwnerChanged(long requestId, String from, String to)
        implements RequestEvent, FieldsEvents.Transferred {
}
