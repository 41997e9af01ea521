package dev.crm.query.task;

import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import java.time.Instant;
import java.util.List;

/** A task or a project ({@code kind}); {@code project} is the project a task belongs to. */
public record TaskView(long id, WorkKind kind, long version, String title, String description, TaskPriority priority,
                       String dueDate, String nextStep, String nextStepDate, List<String> responsible, String coOwner,
                       List<String> subscribers, List<String> tags, TaskStage stage, Instant closedAt, Long parent,
                       Long project, Long memo, String owner, boolean deleted, Instant createdAt, Instant updatedAt,
                       Long department) {

    public TaskAccess access() {
        return new TaskAccess(kind.kind(), owner, coOwner, responsible, subscribers);
    }
}
