package dev.crm.shared.project;

import dev.crm.shared.FieldChange;
import dev.crm.shared.task.TaskStage;
import java.util.List;

/** The project moved from one stage to another; completed and canceled close it at the event's time. */
public record ProjectStageChanged(long projectId, TaskStage from, TaskStage to) implements ProjectEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("stage", from.apiName(), to.apiName()));
    }
}
