package dev.crm.shared.project;

import dev.crm.shared.FieldChange;
import java.util.List;

public record ProjectDeleted(long projectId) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("deleted", false, true));
    }
}
