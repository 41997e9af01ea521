package dev.crm.shared.reference;

public record LeadSourceRestored(long objectId) implements ReferenceEvent.Restored {
}
