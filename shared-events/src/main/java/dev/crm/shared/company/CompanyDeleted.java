package dev.crm.shared.company;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.List;

public record CompanyDeleted(long companyId) implements CompanyEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(false, true));
    }
}
