package dev.crm.shared.project;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import dev.crm.shared.task.TaskStage;
import java.util.List;

/** The project moved from one stage to another; completed and canceled close it at the event's time. */
public record ProjectStageChanged(long projectId, TaskStage from, TaskStage to) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.STAGE.change(from.apiName(), to.apiName()));
    }
}
