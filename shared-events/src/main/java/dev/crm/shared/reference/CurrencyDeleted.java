package dev.crm.shared.reference;

public record CurrencyDeleted(long objectId) implements ReferenceEvent.Deleted {
}
