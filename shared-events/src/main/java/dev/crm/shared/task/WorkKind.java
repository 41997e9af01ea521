package dev.crm.shared.task;

import dev.crm.shared.FieldChange;
import dev.crm.shared.ObjectEvent;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.project.ProjectChanged;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectKind;
import dev.crm.shared.project.ProjectOwnerChanged;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.shared.project.ProjectStageChanged;
import java.util.List;

/**
 * The two task-shaped kinds: a task, and a project that holds tasks. They share fields, stages and rules
 * ({@link TaskAccess}); a task may have a main task and a project, a project has neither.
 */
public enum WorkKind {
    TASK(TaskKind.KIND) {
        @Override
        public WorkCreated created(NewWork w) {
            return new TaskCreated(w.id(), w.title(), w.description(), w.priority(), w.dueDate(), w.nextStep(),
                    w.nextStepDate(), w.responsible(), w.coOwner(), w.subscribers(), w.tags(), w.parent(), w.memo(),
                    w.owner(), w.project(), w.department());
        }

        @Override
        public ObjectEvent changed(long id, List<FieldChange> changes) {
            return new TaskChanged(id, changes);
        }

        @Override
        public ObjectEvent stageChanged(long id, TaskStage from, TaskStage to) {
            return new TaskStageChanged(id, from, to);
        }

        @Override
        public ObjectEvent ownerChanged(long id, String from, String to) {
            return new TaskOwnerChanged(id, from, to);
        }

        @Override
        public ObjectEvent deleted(long id) {
            return new TaskDeleted(id);
        }

        @Override
        public ObjectEvent restored(long id) {
            return new TaskRestored(id);
        }
    },
    PROJECT(ProjectKind.KIND) {
        @Override
        public WorkCreated created(NewWork w) {
            return new ProjectCreated(w.id(), w.title(), w.description(), w.priority(), w.dueDate(), w.nextStep(),
                    w.nextStepDate(), w.responsible(), w.coOwner(), w.subscribers(), w.tags(), w.memo(), w.owner(),
                    w.department());
        }

        @Override
        public ObjectEvent changed(long id, List<FieldChange> changes) {
            return new ProjectChanged(id, changes);
        }

        @Override
        public ObjectEvent stageChanged(long id, TaskStage from, TaskStage to) {
            return new ProjectStageChanged(id, from, to);
        }

        @Override
        public ObjectEvent ownerChanged(long id, String from, String to) {
            return new ProjectOwnerChanged(id, from, to);
        }

        @Override
        public ObjectEvent deleted(long id) {
            return new ProjectDeleted(id);
        }

        @Override
        public ObjectEvent restored(long id) {
            return new ProjectRestored(id);
        }
    };

    /**
     * What a new task or project is made of; {@code parent} and {@code project} are a task's only (null for a
     * project).
     */
    public record NewWork(long id, String title, String description, TaskPriority priority, String dueDate,
                          String nextStep, String nextStepDate, List<String> responsible, String coOwner,
                          List<String> subscribers, List<String> tags, Long parent, Long project, Long memo,
                          String owner, Long department) {
    }

    /** Each kind's own event types keep an auditor's history readable; the aggregate asks for them here. */
    public abstract WorkCreated created(NewWork work);

    public abstract ObjectEvent changed(long id, List<FieldChange> changes);

    public abstract ObjectEvent stageChanged(long id, TaskStage from, TaskStage to);

    public abstract ObjectEvent ownerChanged(long id, String from, String to);

    public abstract ObjectEvent deleted(long id);

    public abstract ObjectEvent restored(long id);

    /** Whether it can be part of another (a subtask of a main task, a task of a project). */
    public boolean canBePart() {
        return declaration.fields().contains(TaskKind.PARENT);
    }

    /** The message key of "it cannot be completed while its parts are open". */
    public String openPartsError() {
        return "error." + kind + ".open-parts";
    }

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
