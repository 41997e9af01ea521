package dev.crm.shared.task;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

public record TaskDeleted(long taskId) implements TaskEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(false, true));
    }
}
