package dev.crm.shared.deal;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A deal was made. {@code fields} holds its own fields' values by name ({@code DealKind}: its stage, contact,
 * company, lead and request as IDs, the amount as a plain decimal), only those that have one; the creator owns it, in
 * their department (or none).
 */
public record DealCreated(long dealId, Map<String, String> fields, String owner, Long department)
        implements DealEvent, FieldsEvents.Created {

    public DealCreated {
        fields = FieldsEvents.present(fields);
    }
}
