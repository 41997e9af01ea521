package dev.crm.shared.company;

import dev.crm.shared.kind.FieldsEvents;

/** The company was transferred to another owner; its contacts follow (each with a {@code ContactOwnerChanged}). */
public record CompanyOwnerChanged(long companyId, String from, String to) implements CompanyEvent, FieldsEvents.Transferred {
}
