package dev.crm.shared.contact;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact was added to {@code company}. {@code fields} holds its other own fields' values by name
 * ({@code ContactKind}), only those that have one; {@code owner} and {@code department} are the company's.
 */
public record ContactCreated(long contactId, Map<String, String> fields, long company, String owner, Long department)
        implements ContactEvent, FieldsEvents.Created {

    public ContactCreated {
        fields = FieldsEvents.present(fields);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>(fields);
        values.put(ContactKind.COMPANY.name(), Long.toString(company));
        return values;
    }

    @Override
    public List<FieldChange> changes() {
        // its company after its own fields, as history has always shown it
        List<FieldChange> changes = new ArrayList<>(ContactKind.KIND.set(fields));
        changes.add(ContactKind.COMPANY.set(company));
        changes.add(ObjectFields.OWNER.set(owner));
        if (department != null) {
            changes.add(ObjectFields.DEPARTMENT.set(department));
        }
        return changes;
    }
}
