package dev.crm.command.task;

import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Task and project commands (a project is a task-shaped aggregate, see {@code WorkKind}); the acting user
 * is in the metadata. In {@link ChangeTask} a null field is left as it is.
 */
public final class TaskCommands {

    private TaskCommands() {
    }

    /** Creates a task or a project ({@code kind}); a project has neither {@code parent} nor {@code project}. */
    public record CreateTask(@TargetAggregateIdentifier long taskId, WorkKind kind, String title, String description,
                             TaskPriority priority, String dueDate, String nextStep, String nextStepDate,
                             List<String> responsible, String coOwner, List<String> subscribers, List<String> tags,
                             Long parent, Long project, Long memo) {

        public CreateTask withCoOwner(String newCoOwner) {
            return new CreateTask(taskId, kind, title, description, priority, dueDate, nextStep, nextStepDate,
                    responsible, newCoOwner, subscribers, tags, parent, project, memo);
        }
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

    /** (admin) Brings a deleted task or project back. */
    public record RestoreTask(@TargetAggregateIdentifier long taskId) {
    }

    /** Gives the task or project to another (active) user. */
    public record TransferTask(@TargetAggregateIdentifier long taskId, Long expectedVersion, String owner) {
    }
}
