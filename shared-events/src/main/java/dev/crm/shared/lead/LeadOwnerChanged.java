package dev.crm.shared.lead;

import dev.crm.shared.kind.FieldsEvents;

/** The lead was given to another owner. */
public record LeadOwnerChanged(long leadId, String from, String to) implements LeadEvent, FieldsEvents.Transferred {
}
