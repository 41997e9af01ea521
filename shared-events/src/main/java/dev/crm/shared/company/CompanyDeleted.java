package dev.crm.shared.company;

import dev.crm.shared.kind.FieldsEvents;

public record CompanyDeleted(long companyId) implements CompanyEvent, FieldsEvents.Deleted {
}
