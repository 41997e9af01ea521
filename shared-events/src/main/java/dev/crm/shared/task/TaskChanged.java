package dev.crm.shared.task;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * Fields of a task were edited, each with its old and new value. List fields ({@code responsible},
 * {@code subscribers}, {@code tags}) are written as their items joined by ", ".
 */
public record TaskChanged(long taskId, List<FieldChange> changes) implements TaskEvent {

    public TaskChanged {
        changes = List.copyOf(changes);
    }
}
