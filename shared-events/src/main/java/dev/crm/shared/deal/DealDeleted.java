package dev.crm.shared.deal;

import dev.crm.shared.kind.FieldsEvents;

public record DealDeleted(long dealId) implements DealEvent, FieldsEvents.Deleted {
}
