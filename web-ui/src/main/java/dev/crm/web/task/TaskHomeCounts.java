package dev.crm.web.task;

import dev.crm.query.task.TaskQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.task.WorkKind;
import dev.crm.web.page.Dates;
import dev.crm.web.page.HomeCounts;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The home page's task counts: the user's own open tasks (owner or responsible, of those they may see) overdue and
 * due today in their zone ({@link Dates#today}), each linking to the task list so filtered; one query.
 */
@Component
class TaskHomeCounts implements HomeCounts {

    private final TaskQueries tasks;
    private final Clock clock;

    TaskHomeCounts(TaskQueries tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public Optional<Block> countsFor(Actor actor) {
        TaskQueries.Due due = tasks.due(actor, Dates.today(clock));
        String list = "/" + WorkKind.TASK.path() + "?mine=true&";
        return Optional.of(new Block("home-tasks-due", WorkKind.TASK.path(), "home.tasks.due", List.of(
                new Count("home-tasks-overdue", "home.tasks.overdue", due.overdue(), list + "overdue=true",
                        due.overdue() > 0),
                new Count("home-tasks-today", "home.tasks.today", due.today(),
                        list + "due=" + TaskPageController.DUE_TODAY, false))));
    }
}
