package dev.crm.shared.reference;

public record StageRestored(long objectId) implements ReferenceEvent.Restored {
}
