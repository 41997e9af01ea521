package dev.crm.web.task;

import dev.crm.app.object.DeletionPreview;
import dev.crm.app.task.TaskService;
import dev.crm.command.Rejected;
import dev.crm.query.task.TaskView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.task.WorkKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.task.TaskKind;
import dev.crm.web.object.KindPages;
import dev.crm.web.object.ListPage;
import dev.crm.web.object.ListPage.Column;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task-shaped kinds' part of the shared object pages: one for tasks, one for projects. */
class WorkPages implements KindPages {

    /** The task and project lists: priority, stage, who is responsible, the due date (marked when passed). */
    static final ListPage LIST = new ListPage(TaskKind.NAME, List.of(Column.of(ObjectFields.ID),
            Column.of(TaskKind.TITLE), Column.of(TaskKind.PRIORITY), Column.of(ObjectFields.STAGE),
            Column.of(TaskKind.RESPONSIBLE), Column.of(TaskKind.DUE_DATE).shownBy("due"),
            Column.of(ObjectFields.DEPARTMENT), Column.of(ObjectFields.UPDATED_AT)));

    private final WorkKind work;
    private final Kind kind;
    private final TaskService service;

    WorkPages(WorkKind work, TaskService service) {
        this.work = work;
        this.kind = Kinds.of(work.kind());
        this.service = service;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public ListPage list() {
        return LIST;
    }

    @Override
    public Shown visible(Actor actor, long id) {
        return shown(service.visible(actor, work, id));
    }

    @Override
    public Shown deletable(Actor actor, long id) {
        TaskView task = service.visible(actor, work, id);
        if (!task.access().canDelete(actor)) {
            throw new Rejected.Forbidden("error.task.delete-forbidden");
        }
        return shown(task);
    }

    @Override
    public DeletionPreview deletionPreview(Actor actor, long id) {
        return service.deletionPreview(actor, work, id);
    }

    @Override
    public void delete(Actor actor, long id, Long version, Integer objects) {
        service.delete(actor, work, id, version, objects);
    }

    private static Shown shown(TaskView task) {
        return new Shown(task.id(), task.version(), task.title());
    }

    @Configuration
    static class Beans {
        @Bean
        KindPages taskPages(TaskService service) {
            return new WorkPages(WorkKind.TASK, service);
        }

        @Bean
        KindPages projectPages(TaskService service) {
            return new WorkPages(WorkKind.PROJECT, service);
        }
    }
}
