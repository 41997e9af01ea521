package dev.crm.shared.task;


import java.util.List;

/**
 * A task was created. Dates are ISO dates ({@code 2026-12-01}) or null; {@code parent} is the main task,
 * {@code memo} the memo it was made from, {@code project} the project it belongs to (each may be null).
 * The creator owns it; {@code department} is the creator's department (or null). {@code project} and
 * {@code department} were added after the first tasks were stored: their JSON lacks them and reads as null,
 * which is what it meant.
 */
public record TaskCreated(long taskId, String title, String description, TaskPriority priority, String dueDate,
                          String nextStep, String nextStepDate, List<String> responsible, String coOwner,
                          List<String> subscribers, List<String> tags, Long parent, Long memo, String owner,
                          Long project, Long department)
        implements TaskEvent, WorkCreated {

    /** A task outside any department. */
    public TaskCreated(long taskId, String title, String description, TaskPriority priority, String dueDate,
                       String nextStep, String nextStepDate, List<String> responsible, String coOwner,
                       List<String> subscribers, List<String> tags, Long parent, Long memo, String owner, Long project) {
        this(taskId, title, description, priority, dueDate, nextStep, nextStepDate, responsible, coOwner, subscribers,
                tags, parent, memo, owner, project, null);
    }

    public TaskCreated {
        responsible = List.copyOf(responsible);
        subscribers = List.copyOf(subscribers);
        tags = List.copyOf(tags);
    }

    @Override
    public WorkKind work() {
        return WorkKind.TASK;
    }
}
