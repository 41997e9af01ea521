package dev.crm.shared.project;

import dev.crm.shared.ObjectEvent;

/**
 * Events of a project: a task-shaped object (the same fields, stages and rules as a task, see
 * {@code TaskAccess}) that holds tasks. Its own event types keep an auditor's history readable.
 */
public sealed interface ProjectEvent extends ObjectEvent
        permits ProjectCreated, ProjectChanged, ProjectStageChanged, ProjectDeleted, ProjectRestored,
        ProjectOwnerChanged {

    long projectId();

    @Override
    default long objectId() {
        return projectId();
    }
}
