package dev.crm.shared.company;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.List;

/** An administrator brought the deleted company back (with what its delete took). */
public record CompanyRestored(long companyId) implements CompanyEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(true, false));
    }
}
