package dev.crm.shared.product;

import dev.crm.shared.kind.FieldsEvents;

/** The product was given to another owner. */
public record ProductOwnerChanged(long productId, String from, String to) implements ProductEvent, FieldsEvents.Transferred {
}
