package dev.crm.shared.company;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A company was added. {@code fields} holds its own fields' values by name ({@code CompanyKind}; tags joined by
 * ", "), only those that have one; the creator owns it, in their department (or none).
 */
public record CompanyCreated(long companyId, Map<String, String> fields, String owner, Long department)
        implements CompanyEvent {

    public CompanyCreated {
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        fields = java.util.Collections.unmodifiableMap(copy);
    }

    public String name() {
        return fields.get(CompanyKind.COMPANY_NAME.name());
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>(CompanyKind.KIND.set(fields));
        changes.add(ObjectFields.OWNER.set(owner));
        if (department != null) {
            changes.add(ObjectFields.DEPARTMENT.set(department));
        }
        return changes;
    }
}
