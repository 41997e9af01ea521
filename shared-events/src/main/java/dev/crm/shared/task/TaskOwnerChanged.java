package dev.crm.shared.task;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The task was transferred to another owner. */
public record TaskOwnerChanged(long taskId, String from, String to) implements TaskEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("owner", from, to));
    }
}
