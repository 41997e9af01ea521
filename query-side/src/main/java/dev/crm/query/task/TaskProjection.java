package dev.crm.query.task;

import dev.crm.query.ReadModel;

import dev.crm.shared.kind.Field;

import dev.crm.shared.task.TaskKind;

import dev.crm.shared.project.ProjectKind;

import dev.crm.query.Sql;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.project.ProjectChanged;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.Deletion;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.shared.project.ProjectOwnerChanged;
import dev.crm.shared.project.ProjectStageChanged;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.WorkCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import java.time.Instant;
import dev.crm.shared.kind.ObjectFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import dev.crm.query.ProjectionWrites;
import org.springframework.stereotype.Component;

/**
 * Builds {@code task_view} (tasks and projects) and their rows of the object index; guarded by version like every
 * projection. People lists are stored as {@code ,a,b,}; {@code task_person} says who sees each task by its rules
 * ({@link TaskPeople}), so that a list is an index lookup.
 */
@Component
@ProcessingGroup(TaskProjection.GROUP)
public class TaskProjection implements ReadModel {

    @Override
    public List<String> tables() {
        return List.of(TABLE, TaskPeople.TABLE);
    }


    public static final String GROUP = "tasks";

    static final String TABLE = "task_view";
    private static final ProjectionWrites.Insert INSERT = ProjectionWrites.insert(TABLE, "id", """
            id, kind, version, title, description, priority, due_date, next_step, next_step_date, responsible,
            co_owner, subscribers, tags, stage, parent, project, memo, owner, deleted, created_at, updated_at,
            department""");
    /** The declared fields a change can name, with their columns; nothing else reaches the SQL. */
    private static final Map<String, String> COLUMNS = Map.of(TaskKind.TITLE.name(), "title",
            TaskKind.DESCRIPTION.name(), "description", TaskKind.PRIORITY.name(), "priority",
            TaskKind.DUE_DATE.name(), "due_date", TaskKind.NEXT_STEP.name(), "next_step",
            TaskKind.NEXT_STEP_DATE.name(), "next_step_date", TaskKind.RESPONSIBLE.name(), "responsible",
            TaskKind.CO_OWNER.name(), "co_owner", TaskKind.SUBSCRIBERS.name(), "subscribers",
            TaskKind.TAGS.name(), "tags");

    private final ProjectionWrites writes;
    private final ObjectIndex objects;
    private final Links links;
    private final TaskPeople persons;

    public TaskProjection(ProjectionWrites writes, ObjectIndex objects, Links links) {
        this.writes = writes;
        this.objects = objects;
        this.links = links;
        this.persons = new TaskPeople(writes);
    }

    static String people(List<String> names) {
        return names.isEmpty() ? "" : "," + String.join(",", names) + ",";
    }

    @EventHandler
    void on(TaskCreated e, @Timestamp Instant at) {
        created(e, at);
    }

    @EventHandler
    void on(ProjectCreated e, @Timestamp Instant at) {
        created(e, at);
    }

    private void created(WorkCreated e, Instant at) {
        long id = e.objectId();
        String kind = e.work().kind();
        writes.insertKeepingIfAbsent(INSERT, TaskQueries.ROW, id, kind, 1L, e.title(), e.description(), e.priority().name(), e.dueDate(),
                e.nextStep(), e.nextStepDate(), people(e.responsible()), e.coOwner(), people(e.subscribers()),
                people(e.tags()), TaskStage.PENDING.name(), e.parent(), e.project(), e.memo(), e.owner(), false,
                Sql.ts(at), Sql.ts(at), e.department());
        objects.created(id, kind, e.title(), e.owner(), at, e.department());
        persons.created(e);
        if (e.parent() != null) {
            links.link(e.parent(), id, Links.SUBTASK);
        }
        if (e.project() != null) {
            links.link(e.project(), id, Links.PROJECT_TASK);
        }
        if (e.memo() != null) {
            links.link(e.memo(), id, e.work().kind());
        }
    }

    @EventHandler
    void on(TaskChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(e.taskId(), e.changes(), sequence, at);
    }

    @EventHandler
    void on(ProjectChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        changed(e.projectId(), e.changes(), sequence, at);
    }

    private void changed(long id, List<FieldChange> changes, long sequence, Instant at) {
        long version = sequence + 1;
        StringBuilder sql = new StringBuilder("UPDATE task_view SET ");
        List<Object> args = new ArrayList<>();
        String newTitle = null;
        for (FieldChange c : changes) {
            String column = COLUMNS.get(c.field());
            if (column == null) {
                throw new IllegalStateException("unknown task field in a stored event: " + c.field());
            }
            sql.append(column).append(" = ?, ");
            Field field = TaskKind.KIND.field(c.field()).orElseThrow();
            args.add(switch (field.type()) {
                case USERS, TAGS -> c.to() == null ? "" : people(List.of(c.to().split(", ")));
                case CHOICE -> c.to().toUpperCase(Locale.ROOT);
                default -> c.to();
            });
            if (TaskKind.TITLE.equals(field)) {
                newTitle = c.to();
            }
        }
        sql.append("version = ?, updated_at = ? WHERE id = ? AND version < ?");
        args.addAll(List.of(version, Sql.ts(at), id, version));
        writes.updateKeeping(sql.toString(), TaskQueries.ROW, TABLE, id, args.toArray());
        if (newTitle != null) {
            objects.retitled(id, newTitle, version, at);
        } else {
            objects.changed(id, version, at);
        }
        persons.changed(id, version, changes);
    }

    @EventHandler
    void on(TaskStageChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        staged(e.taskId(), e.to(), sequence, at);
    }

    @EventHandler
    void on(ProjectStageChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        staged(e.projectId(), e.to(), sequence, at);
    }

    private void staged(long id, TaskStage to, long sequence, Instant at) {
        writes.updateKeeping("UPDATE task_view SET stage = ?, closed_at = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?", TaskQueries.ROW, TABLE, id,
                to.name(), to.closed() ? Sql.ts(at) : null, sequence + 1, Sql.ts(at), id, sequence + 1);
        objects.changed(id, sequence + 1, at);
    }

    @EventHandler
    void on(TaskDeleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        deleted(e.taskId(), by, sequence, at, cascade, deletedWith);
    }

    @EventHandler
    void on(ProjectDeleted e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(Actor.USERNAME) String by,
            @MetaDataValue(value = Deletion.CASCADE, required = false) Object cascade,
            @MetaDataValue(value = Deletion.DELETED_WITH, required = false) Object deletedWith) {
        deleted(e.projectId(), by, sequence, at, cascade, deletedWith);
    }

    private void deleted(long id, String by, long sequence, Instant at, Object cascade, Object deletedWith) {
        writes.updateKeeping("UPDATE task_view SET deleted = TRUE, version = ?, updated_at = ? WHERE id = ? AND version < ?", TaskQueries.ROW, TABLE, id,
                sequence + 1, Sql.ts(at), id, sequence + 1);
        objects.deleted(id, by, sequence + 1, at, cascade, deletedWith);
        persons.lifeChanged(id);
    }

    @EventHandler
    void on(TaskOwnerChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownerChanged(e.taskId(), e.to(), sequence, at);
    }

    @EventHandler
    void on(ProjectOwnerChanged e, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownerChanged(e.projectId(), e.to(), sequence, at);
    }

    private void ownerChanged(long id, String owner, long sequence, Instant at) {
        writes.updateKeeping("UPDATE task_view SET owner = ?, version = ?, updated_at = ? WHERE id = ? AND version < ?", TaskQueries.ROW, TABLE, id,
                owner, sequence + 1, Sql.ts(at), id, sequence + 1);
        objects.ownerChanged(id, owner, sequence + 1, at);
        persons.changed(id, sequence + 1, List.of(ObjectFields.OWNER.set(owner)));
    }

    @EventHandler
    void on(TaskRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        restored(e.taskId(), sequence, at);
    }

    @EventHandler
    void on(ProjectRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        restored(e.projectId(), sequence, at);
    }

    private void restored(long id, long sequence, Instant at) {
        writes.updateKeeping("UPDATE task_view SET deleted = FALSE, version = ?, updated_at = ? WHERE id = ? AND version < ?", TaskQueries.ROW, TABLE, id,
                sequence + 1, Sql.ts(at), id, sequence + 1);
        objects.restored(id, sequence + 1, at);
        persons.lifeChanged(id);
    }
}
