package dev.crm.shared.project;

import dev.crm.shared.FieldChange;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import java.util.ArrayList;
import java.util.List;

/**
 * A project was created; its fields are a task's (see {@code TaskCreated}, {@code department} included)
 * without main task or project.
 */
public record ProjectCreated(long projectId, String title, String description, TaskPriority priority,
                             String dueDate, String nextStep, String nextStepDate, List<String> responsible,
                             String coOwner, List<String> subscribers, List<String> tags, Long memo, String owner,
                             Long department)
        implements ProjectEvent {

    /** A project outside any department. */
    public ProjectCreated(long projectId, String title, String description, TaskPriority priority, String dueDate,
                          String nextStep, String nextStepDate, List<String> responsible, String coOwner,
                          List<String> subscribers, List<String> tags, Long memo, String owner) {
        this(projectId, title, description, priority, dueDate, nextStep, nextStepDate, responsible, coOwner,
                subscribers, tags, memo, owner, null);
    }

    public ProjectCreated {
        responsible = List.copyOf(responsible);
        subscribers = List.copyOf(subscribers);
        tags = List.copyOf(tags);
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, "title", title);
        add(changes, "description", description);
        add(changes, "priority", priority.apiName());
        add(changes, "dueDate", dueDate);
        add(changes, "nextStep", nextStep);
        add(changes, "nextStepDate", nextStepDate);
        add(changes, "responsible", responsible.isEmpty() ? null : String.join(", ", responsible));
        add(changes, "coOwner", coOwner);
        add(changes, "subscribers", subscribers.isEmpty() ? null : String.join(", ", subscribers));
        add(changes, "tags", tags.isEmpty() ? null : String.join(", ", tags));
        add(changes, "memo", memo);
        add(changes, "stage", TaskStage.PENDING.apiName());
        add(changes, "owner", owner);
        add(changes, "department", department);
        return changes;
    }

    private static void add(List<FieldChange> changes, String field, Object value) {
        if (value != null) {
            changes.add(FieldChange.set(field, value));
        }
    }
}
