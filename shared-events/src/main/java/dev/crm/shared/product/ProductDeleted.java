package dev.crm.shared.product;

import dev.crm.shared.kind.FieldsEvents;

public record ProductDeleted(long productId) implements ProductEvent, FieldsEvents.Deleted {
}
