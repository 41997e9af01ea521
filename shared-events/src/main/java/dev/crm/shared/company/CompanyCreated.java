package dev.crm.shared.company;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A company was added. {@code fields} holds its own fields' values by name ({@code CompanyKind}; tags joined by
 * ", "), only those that have one; the creator owns it, in their department (or none).
 */
public record CompanyCreated(long companyId, Map<String, String> fields, String owner, Long department)
        implements CompanyEvent, FieldsEvents.Created {

    public CompanyCreated {
        fields = FieldsEvents.present(fields);
    }

    public String name() {
        return fields.get(CompanyKind.COMPANY_NAME.name());
    }
}
