package dev.crm.shared.contact;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a contact were edited, each from its old to its new value. */
public record ContactChanged(long contactId, List<FieldChange> changes) implements ContactEvent, FieldsEvents.Changed {

    public ContactChanged {
        changes = List.copyOf(changes);
    }
}
