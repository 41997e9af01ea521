package dev.crm.shared.contact;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.List;

/** An administrator brought the deleted contact back (with its company, when its company's delete took it). */
public record ContactRestored(long contactId) implements ContactEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(true, false));
    }
}
