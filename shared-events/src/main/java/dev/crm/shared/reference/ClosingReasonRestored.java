package dev.crm.shared.reference;

public record ClosingReasonRestored(long objectId) implements ReferenceEvent.Restored {
}
