package dev.crm.shared.task;

import dev.crm.shared.FieldChange;
import dev.crm.shared.ObjectEvent;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.List;

/**
 * A task-shaped object was created ({@link TaskCreated}, {@code ProjectCreated}): what both carry, so the
 * aggregate, the projection and the history read them once. A project has neither main task nor project.
 */
public interface WorkCreated extends ObjectEvent {

    WorkKind work();

    String title();

    String description();

    TaskPriority priority();

    String dueDate();

    String nextStep();

    String nextStepDate();

    List<String> responsible();

    String coOwner();

    List<String> subscribers();

    List<String> tags();

    Long memo();

    String owner();

    Long department();

    /** The main task (of a subtask). */
    default Long parent() {
        return null;
    }

    /** The project a task belongs to. */
    default Long project() {
        return null;
    }

    @Override
    default List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        add(changes, TaskKind.TITLE, title());
        add(changes, TaskKind.DESCRIPTION, description());
        add(changes, TaskKind.PRIORITY, priority().apiName());
        add(changes, TaskKind.DUE_DATE, dueDate());
        add(changes, TaskKind.NEXT_STEP, nextStep());
        add(changes, TaskKind.NEXT_STEP_DATE, nextStepDate());
        add(changes, TaskKind.RESPONSIBLE, join(responsible()));
        add(changes, TaskKind.CO_OWNER, coOwner());
        add(changes, TaskKind.SUBSCRIBERS, join(subscribers()));
        add(changes, TaskKind.TAGS, join(tags()));
        add(changes, TaskKind.PARENT, parent());
        add(changes, TaskKind.MEMO, memo());
        add(changes, TaskKind.PROJECT, project());
        add(changes, ObjectFields.STAGE, TaskStage.PENDING.apiName());
        add(changes, ObjectFields.OWNER, owner());
        add(changes, ObjectFields.DEPARTMENT, department());
        return changes;
    }

    private static String join(List<String> items) {
        return items.isEmpty() ? null : String.join(", ", items);
    }

    private static void add(List<FieldChange> changes, Field field, Object value) {
        if (value != null) {
            changes.add(field.set(value));
        }
    }
}
