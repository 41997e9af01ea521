package dev.crm.shared.project;


import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.WorkCreated;
import dev.crm.shared.task.WorkKind;
import java.util.List;

/**
 * A project was created; its fields are a task's (see {@code TaskCreated}, {@code department} included)
 * without main task or project.
 */
public record ProjectCreated(long projectId, String title, String description, TaskPriority priority,
                             String dueDate, String nextStep, String nextStepDate, List<String> responsible,
                             String coOwner, List<String> subscribers, List<String> tags, Long memo, String owner,
                             Long department)
        implements ProjectEvent, WorkCreated {

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
    public WorkKind work() {
        return WorkKind.PROJECT;
    }
}
