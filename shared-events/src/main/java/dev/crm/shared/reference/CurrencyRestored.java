package dev.crm.shared.reference;

public record CurrencyRestored(long objectId) implements ReferenceEvent.Restored {
}
