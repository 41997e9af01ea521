package dev.crm.shared.project;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The project was transferred to another owner. */
public record ProjectOwnerChanged(long projectId, String from, String to) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.OWNER.change(from, to));
    }
}
