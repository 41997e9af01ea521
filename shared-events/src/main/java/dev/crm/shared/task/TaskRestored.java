package dev.crm.shared.task;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * An administrator brought the deleted task back; its timeline continues (the next version after its
 * delete), and it is as it was when deleted.
 */
public record TaskRestored(long taskId) implements TaskEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(true, false));
    }
}
