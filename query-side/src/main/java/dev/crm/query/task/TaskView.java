package dev.crm.query.task;

import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import java.time.Instant;
import java.util.List;

public record TaskView(long id, long version, String title, String description, TaskPriority priority,
                       String dueDate, String nextStep, String nextStepDate, List<String> responsible, String coOwner,
                       List<String> subscribers, List<String> tags, TaskStage stage, Instant closedAt, Long parent,
                       Long memo, String owner, boolean deleted, Instant createdAt, Instant updatedAt) {

    public TaskAccess access() {
        return new TaskAccess(owner, coOwner, responsible, subscribers);
    }
}
