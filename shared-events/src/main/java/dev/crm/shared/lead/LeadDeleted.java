package dev.crm.shared.lead;

import dev.crm.shared.kind.FieldsEvents;

public record LeadDeleted(long leadId) implements LeadEvent, FieldsEvents.Deleted {
}
