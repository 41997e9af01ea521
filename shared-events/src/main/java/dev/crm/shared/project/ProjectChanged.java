package dev.crm.shared.project;

import dev.crm.shared.FieldChange;
import java.util.List;

/** Fields of a project were edited, written like {@code TaskChanged}. */
public record ProjectChanged(long projectId, List<FieldChange> changes) implements ProjectEvent {

    public ProjectChanged {
        changes = List.copyOf(changes);
    }
}
