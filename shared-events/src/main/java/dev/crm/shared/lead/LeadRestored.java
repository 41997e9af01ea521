package dev.crm.shared.lead;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted lead back (with what its delete took). */
public record LeadRestored(long leadId) implements LeadEvent, FieldsEvents.Restored {
}
