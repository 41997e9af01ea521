package dev.crm.shared.reference;

public record LeadSourceDeleted(long objectId) implements ReferenceEvent.Deleted {
}
