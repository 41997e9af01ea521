package dev.crm.app.task;

import dev.crm.command.task.TaskTree;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.task.TaskView;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.WorkKind;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Answers the task aggregate's questions about related tasks and projects from the read models (same transaction). */
@Component
class TaskTreeAdapter implements TaskTree {

    private final TaskQueries tasks;
    private final UserQueries users;

    TaskTreeAdapter(TaskQueries tasks, UserQueries users) {
        this.tasks = tasks;
        this.users = users;
    }

    @Override
    public boolean isLive(long id, WorkKind kind) {
        return tasks.isLive(id, kind);
    }

    @Override
    public boolean hasOpenSubtasks(long taskId) {
        return tasks.hasOpenSubtasks(taskId);
    }

    @Override
    public List<TaskAccess> related(long taskId) {
        return tasks.related(taskId);
    }

    @Override
    public List<Long> containers(long taskId) {
        return tasks.containers(taskId).stream().map(TaskView::id).toList();
    }

    @Override
    public Optional<TaskAccess> access(long id) {
        return tasks.find(id).filter(t -> !t.deleted()).map(TaskView::access);
    }

    @Override
    public boolean userMayView(String username, long id) {
        return users.find(username).filter(UserView::active).flatMap(u -> tasks.findVisible(id, u.actor())).isPresent();
    }
}
