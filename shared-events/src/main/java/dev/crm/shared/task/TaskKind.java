package dev.crm.shared.task;

import static dev.crm.shared.access.Permissions.Scope.ALL;
import static dev.crm.shared.access.Permissions.Scope.RULES;

import dev.crm.shared.Role;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.project.ProjectKind;
import java.util.List;

/** Tasks, and the fields tasks and projects share ({@link WorkKind}). */
public final class TaskKind {

    public static final String NAME = "task";

    public static final Field TITLE = Field.of("title", FieldType.NAME);
    public static final Field DESCRIPTION = Field.of("description", FieldType.TEXT);
    public static final Field PRIORITY = Field.of("priority", FieldType.CHOICE);
    public static final Field DUE_DATE = Field.of("dueDate", FieldType.DATE);
    public static final Field NEXT_STEP = Field.of("nextStep", FieldType.TEXT).max(Limits.TITLE);
    public static final Field NEXT_STEP_DATE = Field.of("nextStepDate", FieldType.DATE);
    public static final Field RESPONSIBLE = Field.of("responsible", FieldType.USERS);
    public static final Field CO_OWNER = Field.of("coOwner", FieldType.USER);
    public static final Field SUBSCRIBERS = Field.of("subscribers", FieldType.USERS);
    public static final Field TAGS = Field.of("tags", FieldType.TAGS);
    /** The main task of a subtask. */
    public static final Field PARENT = Field.of("parent", FieldType.REFERENCE);
    /** The memo it was made from. */
    public static final Field MEMO = Field.of(MemoKind.NAME, FieldType.REFERENCE).labelled("task.field.memo");
    /** The project a task belongs to. */
    public static final Field PROJECT = Field.of(ProjectKind.NAME, FieldType.REFERENCE);
    public static final Field CLOSED_AT = Field.of("closedAt", FieldType.TIME);

    /** The fields of tasks and projects. */
    static final Field[] SHARED = {TITLE, DESCRIPTION, PRIORITY, DUE_DATE, NEXT_STEP, NEXT_STEP_DATE, RESPONSIBLE,
        CO_OWNER, SUBSCRIBERS, TAGS, MEMO, CLOSED_AT};

    /** Everyone by the rules; chiefs and task operators all. */
    public static final Kind KIND = rows(Kind.named(NAME, "tasks")).fields(SHARED).fields(PARENT, PROJECT)
            .pages().acceptsFiles().build();

    private TaskKind() {
    }

    /** The permission row of tasks, which projects share. */
    public static Kind.Builder rows(Kind.Builder kind) {
        return kind.grant(List.of(Role.CO_WORKER, Role.MANAGER, Role.OPERATOR, Role.ACCOUNTANT), "acdv", RULES)
                .grant(List.of(Role.CHIEF, Role.TASK_OPERATOR), "acdv", ALL);
    }

    /** The fields tasks and projects share. */
    public static Field[] sharedFields() {
        return SHARED.clone();
    }
}
