package dev.crm.shared.reference;

public record ClosingReasonDeleted(long objectId) implements ReferenceEvent.Deleted {
}
