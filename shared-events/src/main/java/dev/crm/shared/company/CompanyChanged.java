package dev.crm.shared.company;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a company were edited, each from its old to its new value. */
public record CompanyChanged(long companyId, List<FieldChange> changes) implements CompanyEvent, FieldsEvents.Changed {

    public CompanyChanged {
        changes = List.copyOf(changes);
    }
}
