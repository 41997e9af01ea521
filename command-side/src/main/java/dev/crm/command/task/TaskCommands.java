package dev.crm.command.task;

import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Task commands; the acting user is in the metadata. In {@link ChangeTask} a null field is left as it is. */
public final class TaskCommands {

    private TaskCommands() {
    }

    public record CreateTask(@TargetAggregateIdentifier long taskId, String title, String description,
                             TaskPriority priority, String dueDate, String nextStep, String nextStepDate,
                             List<String> responsible, String coOwner, List<String> subscribers, List<String> tags,
                             Long parent, Long memo) {
    }

    public record ChangeTask(@TargetAggregateIdentifier long taskId, Long expectedVersion, String title,
                             String description, TaskPriority priority, String dueDate, String nextStep,
                             String nextStepDate, List<String> responsible, String coOwner, List<String> subscribers,
                             List<String> tags) {
    }

    public record ChangeTaskStage(@TargetAggregateIdentifier long taskId, Long expectedVersion, TaskStage stage) {
    }

    public record DeleteTask(@TargetAggregateIdentifier long taskId, Long expectedVersion) {
    }
}
