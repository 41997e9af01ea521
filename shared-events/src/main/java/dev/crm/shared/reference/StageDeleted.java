package dev.crm.shared.reference;

public record StageDeleted(long objectId) implements ReferenceEvent.Deleted {
}
