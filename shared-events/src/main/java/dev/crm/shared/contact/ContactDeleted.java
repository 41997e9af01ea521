package dev.crm.shared.contact;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.List;

public record ContactDeleted(long contactId) implements ContactEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(false, true));
    }
}
