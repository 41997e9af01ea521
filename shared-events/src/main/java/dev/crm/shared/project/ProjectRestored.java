package dev.crm.shared.project;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * An administrator brought the deleted project back; its timeline continues (the next version after its
 * delete), and it is as it was when deleted.
 */
public record ProjectRestored(long projectId) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(true, false));
    }
}
