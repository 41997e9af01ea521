package dev.crm.shared.task;

import dev.crm.shared.kind.Kind;
import dev.crm.shared.project.ProjectKind;

/**
 * The two task-shaped kinds: a task, and a project that holds tasks. They share fields, stages and rules
 * ({@link TaskAccess}); a task may have a main task and a project, a project has neither.
 */
public enum WorkKind {
    TASK(TaskKind.KIND),
    PROJECT(ProjectKind.KIND);

    private final Kind declaration;
    private final String kind;
    private final String path;

    WorkKind(Kind declaration) {
        this.declaration = declaration;
        this.kind = declaration.name();
        this.path = declaration.path();
    }

    /** Its declaration in the kind model. */
    public Kind declaration() {
        return declaration;
    }

    /** The kind as the API and the object index spell it. */
    public String kind() {
        return kind;
    }

    /** The plural used in paths: {@code /api/tasks}, {@code /projects}. */
    public String path() {
        return path;
    }

    public static WorkKind ofKind(String kind) {
        for (WorkKind k : values()) {
            if (k.kind.equals(kind)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a task-shaped kind: " + kind);
    }

    public static WorkKind ofPath(String path) {
        for (WorkKind k : values()) {
            if (k.path.equals(path)) {
                return k;
            }
        }
        throw new IllegalArgumentException("not a task-shaped path: " + path);
    }
}
