package dev.crm.shared.product;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a product were edited, each from its old to its new value. */
public record ProductChanged(long productId, List<FieldChange> changes) implements ProductEvent, FieldsEvents.Changed {

    public ProductChanged {
        changes = List.copyOf(changes);
    }
}
