package dev.crm.command.task;

/** What a task needs to know about other tasks; answered from the read models in the same transaction. */
public interface TaskTree {

    /** Whether the object is a live task. */
    boolean isTask(long id);

    /** Whether the task has a subtask that is not closed. */
    boolean hasOpenSubtasks(long taskId);
}
