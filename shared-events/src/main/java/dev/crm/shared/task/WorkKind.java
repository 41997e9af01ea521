package dev.crm.shared.task;

/**
 * The two task-shaped kinds: a task, and a project that holds tasks. They share fields, stages and rules
 * ({@link TaskAccess}); a task may have a main task and a project, a project has neither.
 */
public enum WorkKind {
    TASK("task", "tasks"),
    PROJECT("project", "projects");

    private final String kind;
    private final String path;

    WorkKind(String kind, String path) {
        this.kind = kind;
        this.path = path;
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
