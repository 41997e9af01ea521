package dev.crm.shared.project;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.task.TaskKind;

/** Projects: task-shaped, holding tasks; the same fields, rules and permission row as tasks. */
public final class ProjectKind {

    public static final String NAME = "project";

    public static final Kind KIND = TaskKind.rows(Kind.named(NAME, "projects")).fields(TaskKind.sharedFields())
            .pages().acceptsFiles().build();

    private ProjectKind() {
    }
}
