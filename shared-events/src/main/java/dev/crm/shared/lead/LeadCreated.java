package dev.crm.shared.lead;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A lead was added. {@code fields} holds its own fields' values by name ({@code LeadKind}; its source as the lead
 * source's ID), only those that have one; the creator owns it, in their department (or none).
 */
public record LeadCreated(long leadId, Map<String, String> fields, String owner, Long department)
        implements LeadEvent, FieldsEvents.Created {

    public LeadCreated {
        fields = FieldsEvents.present(fields);
    }
}
