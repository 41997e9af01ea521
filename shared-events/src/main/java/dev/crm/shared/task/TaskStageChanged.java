package dev.crm.shared.task;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The task moved from one stage to another; moving into a closed stage closes it at the event's time. */
public record TaskStageChanged(long taskId, TaskStage from, TaskStage to) implements TaskEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.STAGE.change(from.apiName(), to.apiName()));
    }
}
