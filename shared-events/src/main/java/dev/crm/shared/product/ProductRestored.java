package dev.crm.shared.product;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted product back (with its files). */
public record ProductRestored(long productId) implements ProductEvent, FieldsEvents.Restored {
}
