package dev.crm.shared.project;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

public record ProjectDeleted(long projectId) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(false, true));
    }
}
