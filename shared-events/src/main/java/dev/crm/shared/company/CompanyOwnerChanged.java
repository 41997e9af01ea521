package dev.crm.shared.company;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.ObjectFields;
import java.util.List;

/** The company was transferred to another owner; its contacts follow (each with a {@code ContactOwnerChanged}). */
public record CompanyOwnerChanged(long companyId, String from, String to) implements CompanyEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.OWNER.change(from, to));
    }
}
