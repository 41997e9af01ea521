package dev.crm.shared.task;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.kind.Field;

import dev.crm.shared.FieldChange;
import java.util.ArrayList;
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
        implements TaskEvent {

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
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, TaskKind.TITLE, title);
        add(changes, TaskKind.DESCRIPTION, description);
        add(changes, TaskKind.PRIORITY, priority.apiName());
        add(changes, TaskKind.DUE_DATE, dueDate);
        add(changes, TaskKind.NEXT_STEP, nextStep);
        add(changes, TaskKind.NEXT_STEP_DATE, nextStepDate);
        add(changes, TaskKind.RESPONSIBLE, responsible.isEmpty() ? null : String.join(", ", responsible));
        add(changes, TaskKind.CO_OWNER, coOwner);
        add(changes, TaskKind.SUBSCRIBERS, subscribers.isEmpty() ? null : String.join(", ", subscribers));
        add(changes, TaskKind.TAGS, tags.isEmpty() ? null : String.join(", ", tags));
        add(changes, TaskKind.PARENT, parent);
        add(changes, TaskKind.MEMO, memo);
        add(changes, TaskKind.PROJECT, project);
        add(changes, ObjectFields.STAGE, TaskStage.PENDING.apiName());
        add(changes, ObjectFields.OWNER, owner);
        add(changes, ObjectFields.DEPARTMENT, department);
        return changes;
    }

    private static void add(List<FieldChange> changes, Field field, Object value) {
        if (value != null) {
            changes.add(field.set(value));
        }
    }
}
