package dev.crm.shared.project;

import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.kind.Field;
import dev.crm.shared.task.TaskKind;

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
        add(changes, TaskKind.MEMO, memo);
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
