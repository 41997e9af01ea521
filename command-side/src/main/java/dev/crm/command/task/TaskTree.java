package dev.crm.command.task;

import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.WorkKind;
import java.util.List;
import java.util.Optional;

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

    /** Its containers: its live main task and its live project, by ID (none for a top-level task or a project). */
    default List<Long> containers(long taskId) {
        return List.of();
    }

    /** The rules of a live task or project; empty when it is deleted or unknown. */
    default Optional<TaskAccess> access(long id) {
        return Optional.empty();
    }

    /** Whether the user, with the roles they hold now, may see the live task or project. */
    default boolean userMayView(String username, long id) {
        return false;
    }
}
