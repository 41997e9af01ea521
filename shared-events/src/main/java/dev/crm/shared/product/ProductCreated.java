package dev.crm.shared.product;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A product was added. {@code fields} holds its own fields' values by name ({@code ProductKind}: the type's API name,
 * the price as a plain decimal, onSale as "true" or "false"), only those that have one; the creator owns it, in their
 * department (or none).
 */
public record ProductCreated(long productId, Map<String, String> fields, String owner, Long department)
        implements ProductEvent, FieldsEvents.Created {

    public ProductCreated {
        fields = FieldsEvents.present(fields);
    }
}
