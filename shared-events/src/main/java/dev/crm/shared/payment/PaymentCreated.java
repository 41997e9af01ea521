package dev.crm.shared.payment;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A payment was added to {@code deal}. {@code fields} holds its other own fields' values by name ({@code PaymentKind}:
 * the amount as a plain decimal, the status's API name), only those that have one; {@code owner} and
 * {@code department} are the deal's.
 */
public record PaymentCreated(long paymentId, Map<String, String> fields, long deal, String owner, Long department)
        implements PaymentEvent, FieldsEvents.Created {

    public PaymentCreated {
        fields = FieldsEvents.present(fields);
    }

    @Override
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(PaymentKind.DEAL.name(), Long.toString(deal));
        values.putAll(fields);
        return values;
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>(PaymentKind.KIND.set(values()));
        changes.add(ObjectFields.OWNER.set(owner));
        if (department != null) {
            changes.add(ObjectFields.DEPARTMENT.set(department));
        }
        return changes;
    }
}
