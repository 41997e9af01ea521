package dev.crm.command.task;

import dev.crm.shared.task.TaskAccess;
import java.util.List;

/** What a task needs to know about other tasks; answered from the read models in the same transaction. */
public interface TaskTree {

    /** Whether the object is a live task. */
    boolean isTask(long id);

    /** Whether the task has a subtask that is not closed. */
    boolean hasOpenSubtasks(long taskId);

    /** The rules of the task's related tasks (its main task and its live subtasks), for who may see it. */
    List<TaskAccess> related(long taskId);
}
