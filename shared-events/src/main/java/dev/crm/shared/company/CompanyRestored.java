package dev.crm.shared.company;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted company back (with what its delete took). */
public record CompanyRestored(long companyId) implements CompanyEvent, FieldsEvents.Restored {
}
