package dev.crm.shared.project;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The project was transferred to another owner. */
public record ProjectOwnerChanged(long projectId, String from, String to) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("owner", from, to));
    }
}
