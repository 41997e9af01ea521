package dev.crm.shared.task;

import dev.crm.shared.ObjectEvent;

public sealed interface TaskEvent extends ObjectEvent permits TaskCreated, TaskChanged, TaskStageChanged, TaskDeleted, TaskRestored,
        TaskOwnerChanged {

    long taskId();

    @Override
    default long objectId() {
        return taskId();
    }
}
