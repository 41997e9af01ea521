package dev.crm.shared.task;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The task was transferred to another owner. */
public record TaskOwnerChanged(long taskId, String from, String to) implements TaskEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.OWNER.change(from, to));
    }
}
