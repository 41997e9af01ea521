package dev.crm.command.task;

import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.WorkKind;
import java.util.List;

/**
 * What a task or project needs to know about the others; answered from the read models in the same
 * transaction. A task's "parts" are its subtasks; a project's are its tasks.
 */
public interface TaskTree {

    /** Whether the object is a live task or project of that kind. */
    boolean isLive(long id, WorkKind kind);

    /** Whether one of its parts (subtasks, or a project's tasks) is not closed. */
    boolean hasOpenSubtasks(long taskId);

    /** The rules of its related objects (its main task or project, its live parts), for who may see it. */
    List<TaskAccess> related(long taskId);
}
