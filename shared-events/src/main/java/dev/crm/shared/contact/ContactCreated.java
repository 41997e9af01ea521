package dev.crm.shared.contact;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact was added to {@code company}. {@code fields} holds its other own fields' values by name
 * ({@code ContactKind}), only those that have one; {@code owner} and {@code department} are the company's.
 */
public record ContactCreated(long contactId, Map<String, String> fields, long company, String owner, Long department)
        implements ContactEvent {

    public ContactCreated {
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        fields = Collections.unmodifiableMap(copy);
    }

    public String title() {
        return ContactKind.title(fields);
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>(ContactKind.KIND.set(fields));
        changes.add(ContactKind.COMPANY.set(company));
        changes.add(ObjectFields.OWNER.set(owner));
        if (department != null) {
            changes.add(ObjectFields.DEPARTMENT.set(department));
        }
        return changes;
    }
}
