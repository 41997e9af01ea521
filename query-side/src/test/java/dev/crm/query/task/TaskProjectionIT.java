package dev.crm.query.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionContract;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.FieldChange;
import dev.crm.shared.project.ProjectChanged;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectOwnerChanged;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.shared.project.ProjectStageChanged;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.task.WorkKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TaskProjection} (tasks and projects, their object index rows and links) fed a project's life through
 * its handlers, then the same events again.
 */
class TaskProjectionIT extends ProjectionContract {

    TaskProjection tasks;
    ObjectIndex objects;
    TaskQueries queries;
    /** Whether {@link #deliver} checks task_person against task_view after every event. */
    boolean checkPeopleAfterEachEvent;

    @BeforeEach
    void empty() {
        objects = new ObjectIndex(db.jdbc, db.writes);
        tasks = new TaskProjection(db.writes, objects, new Links(db.jdbc, db.writes));
        queries = new TaskQueries(db.named, db.writes);
    }

    /**
     * Project 10 (from memo 1) with task 11, whose subtask is 12; task 13 made from memo 1. The task is changed,
     * started, completed and handed over; the project is changed, started, handed over, deleted with its tasks
     * in one cascade and restored with them; task 13 is deleted alone.
     */
    @Override
    protected void events() {
        deliver(() -> tasks.on(new ProjectCreated(10, "Office move", "Move to the new floor", TaskPriority.HIGH,
                "2026-04-01", "Book a van", "2026-03-10", List.of("bob", "carol"), "dave", List.of("erin"),
                List.of("move", "q2"), 1L, "alice", 7L), at(0)));
        deliver(() -> tasks.on(new TaskCreated(11, "Pack boxes", null, TaskPriority.MIDDLE, "2026-03-20", null, null,
                List.of("bob"), null, List.of(), List.of(), null, null, "alice", 10L, 7L), at(1)));
        deliver(() -> tasks.on(new TaskCreated(12, "Label boxes", "Every box", TaskPriority.LOW, null, null, null,
                List.of("carol"), null, List.of("bob"), List.of(), 11L, null, "alice", null, 7L), at(2)));
        deliver(() -> tasks.on(new TaskCreated(13, "Answer the memo", null, TaskPriority.MIDDLE, null, null, null,
                List.of("bob"), null, List.of(), List.of(), null, 1L, "bob", null), at(3)));

        deliver(() -> tasks.on(new TaskChanged(11, List.of(FieldChange.of("title", "Pack boxes", "Pack all boxes"),
                FieldChange.of("priority", "middle", "high"), FieldChange.of("responsible", "bob", "bob, carol"),
                FieldChange.of("tags", null, "urgent, heavy"), FieldChange.of("nextStep", null, "Buy tape"))), 1, at(4)));
        deliver(() -> tasks.on(new TaskStageChanged(11, TaskStage.PENDING, TaskStage.IN_PROGRESS), 2, at(5)));
        deliver(() -> tasks.on(new TaskStageChanged(11, TaskStage.IN_PROGRESS, TaskStage.COMPLETED), 3, at(6)));
        deliver(() -> tasks.on(new TaskOwnerChanged(11, "alice", "frank"), 4, at(7)));

        deliver(() -> tasks.on(new ProjectChanged(10, List.of(FieldChange.of("subscribers", "erin", null),
                FieldChange.of("dueDate", "2026-04-01", "2026-05-01"), FieldChange.of("coOwner", "dave", null))),
                1, at(8)));
        deliver(() -> tasks.on(new ProjectStageChanged(10, TaskStage.PENDING, TaskStage.IN_PROGRESS), 2, at(9)));
        deliver(() -> tasks.on(new ProjectOwnerChanged(10, "alice", "bob"), 3, at(10)));

        deliver(() -> tasks.on(new ProjectDeleted(10), 4, at(11), "bob", "cascade-9", null));
        deliver(() -> tasks.on(new TaskDeleted(11), 5, at(11), "bob", "cascade-9", 10L));
        deliver(() -> tasks.on(new TaskDeleted(12), 1, at(11), "bob", "cascade-9", "10"));
        deliver(() -> tasks.on(new ProjectRestored(10), 5, at(12)));
        deliver(() -> tasks.on(new TaskRestored(11), 6, at(12)));
        deliver(() -> tasks.on(new TaskRestored(12), 2, at(12)));

        deliver(() -> tasks.on(new TaskDeleted(13), 1, at(13), "bob", null, null));
    }

    @Override
    protected void oneRunWrote(Map<String, List<String>> once) {
        assertThat(once.get("task_view")).hasSize(4);
        assertThat(once.get("object_link")).hasSize(4);
        // own: 10: bob owner and responsible, carol; 11: frank, bob, carol; 12: alice, carol, subscriber bob; 13: bob
        // twice; containers: 11 sees 10's bob and carol, 12 sees 11's three; parts: 10 sees 11's three, 11 sees 12's
        assertThat(once.get("task_person")).hasSize(11 + 5 + 6);
    }

    @Override
    protected void deliver(Runnable event) {
        super.deliver(event);
        if (checkPeopleAfterEachEvent) {
            assertPeopleAreEachTasksPeople();
        }
    }

    static final List<String> USERS = List.of("alice", "bob", "carol", "dave", "erin", "frank", "nobody");

    /**
     * task_person holds each task's own people by role, the people of its live containers and of its live parts
     * ({@link TaskPersonRows}), and so a user has a row for a task exactly when {@code TaskAccess#canView(actor,
     * related)} (without the roles that see every task) lets them see it.
     */
    void assertPeopleAreEachTasksPeople() {
        assertThat(TaskPersonRows.actual(db.jdbc)).isEqualTo(TaskPersonRows.expected(db.jdbc));
        for (TaskView t : db.jdbc.query("SELECT * FROM task_view", TaskQueries.ROW)) {
            for (String user : USERS) {
                dev.crm.shared.Actor actor = dev.crm.shared.Actor.of(user);
                long rows = db.jdbc.queryForObject("SELECT COUNT(*) FROM task_person WHERE task_id = ? AND username = ?",
                        Long.class, t.id(), user);
                assertThat(rows > 0).as(t.id() + " " + user)
                        .isEqualTo(t.access().isPerson(actor) || t.access().canView(actor, queries.related(t.id())));
            }
        }
    }

    @Test
    void taskPersonHoldsEachTasksPeopleAfterEveryEventAndAfterReplays() {
        checkPeopleAfterEachEvent = true;
        events();
        // the people of the end: reassigned, handed over, deleted and restored
        assertThat(db.jdbc.queryForList("SELECT username || ' ' || role FROM task_person WHERE task_id = 10"
                + " AND role NOT IN ('container', 'part') ORDER BY username, role", String.class)).containsExactly("bob owner", "bob responsible",
                "carol responsible");
        assertThat(db.jdbc.queryForList("SELECT username || ' ' || role FROM task_person WHERE task_id = 11"
                + " AND role NOT IN ('container', 'part') ORDER BY username, role", String.class)).containsExactly("bob responsible", "carol responsible",
                "frank owner");
        assertThat(db.jdbc.queryForList("SELECT task_id || ' ' || username FROM task_person WHERE role = 'container'"
                + " ORDER BY task_id, username", String.class)).containsExactly("11 bob", "11 carol", "12 bob", "12 carol",
                "12 frank");
        assertThat(db.jdbc.queryForList("SELECT task_id || ' ' || username FROM task_person WHERE role = 'part'"
                + " ORDER BY task_id, username", String.class)).containsExactly("10 bob", "10 carol", "10 frank",
                "11 alice", "11 bob", "11 carol");
        // a deleted task keeps its people (lists leave deleted tasks out by task_view.deleted)
        assertThat(db.jdbc.queryForList("SELECT username || ' ' || role FROM task_person WHERE task_id = 13"
                + " AND role NOT IN ('container', 'part') ORDER BY username, role", String.class)).containsExactly("bob owner", "bob responsible");

        // applied again over the rows: older events leave the later people alone
        events();
        // rebuilt from empty tables, and with every event delivered twice in a row
        db.clearReadModels();
        deliveries = 2;
        events();
    }

    @Test
    void theEventsBuildTheRowsTheyDescribe() {
        events();

        TaskView project = queries.find(10).orElseThrow();
        assertThat(project.kind()).isEqualTo(WorkKind.PROJECT);
        assertThat(project.version()).isEqualTo(6);
        assertThat(project.subscribers()).isEmpty();
        assertThat(project.responsible()).containsExactly("bob", "carol");
        assertThat(project.tags()).containsExactly("move", "q2");
        assertThat(project.coOwner()).isNull();
        assertThat(project.dueDate()).isEqualTo("2026-05-01");
        assertThat(project.nextStep()).isEqualTo("Book a van");
        assertThat(project.stage()).isEqualTo(TaskStage.IN_PROGRESS);
        assertThat(project.closedAt()).isNull();
        assertThat(project.owner()).isEqualTo("bob");
        assertThat(project.memo()).isEqualTo(1L);
        assertThat(project.deleted()).isFalse();
        assertThat(project.department()).isEqualTo(7L);

        TaskView task = queries.find(11).orElseThrow();
        assertThat(task).isEqualTo(new TaskView(11, WorkKind.TASK, 7, "Pack all boxes", null, TaskPriority.HIGH,
                "2026-03-20", "Buy tape", null, List.of("bob", "carol"), null, List.of(), List.of("urgent", "heavy"),
                TaskStage.COMPLETED, stored(6), null, 10L, null, "frank", false, stored(1), stored(12), 7L));
        TaskView subtask = queries.find(12).orElseThrow();
        assertThat(subtask.parent()).isEqualTo(11L);
        assertThat(subtask.subscribers()).containsExactly("bob");
        assertThat(subtask.version()).isEqualTo(3);
        assertThat(queries.find(13).orElseThrow().deleted()).isTrue();

        assertThat(objects.find(11).orElseThrow().title()).isEqualTo("Pack all boxes");
        assertThat(objects.find(11).orElseThrow().owner()).isEqualTo("frank");
        assertThat(objects.find(10).orElseThrow().kind()).isEqualTo("project");
        assertThat(objects.find(10).orElseThrow().owner()).isEqualTo("bob");
        assertThat(objects.find(13).orElseThrow().deletedBy()).isEqualTo("bob");
        assertThat(db.jdbc.queryForList("SELECT deleted_cascade FROM crm_object WHERE id IN (10, 11, 12)", String.class))
                .containsOnlyNulls().hasSize(3);
        assertThat(db.jdbc.queryForList("SELECT from_id || '>' || to_id || ' ' || relation FROM object_link ORDER BY from_id, to_id",
                String.class)).containsExactly("1>10 project", "1>13 task", "10>11 project-task", "11>12 subtask");
    }

    @Test
    void aCascadeDeleteRecordsItsRootAndItsParts() {
        deliveries = 1;
        events();
        // stop just after the cascade: replay up to it on empty tables
        db.clearReadModels();
        tasks.on(new ProjectCreated(10, "Office move", null, TaskPriority.HIGH, null, null, null, List.of("bob"), null,
                List.of(), List.of(), null, "alice"), at(0));
        tasks.on(new TaskCreated(11, "Pack boxes", null, TaskPriority.MIDDLE, null, null, null, List.of("bob"), null,
                List.of(), List.of(), null, null, "alice", 10L), at(1));
        tasks.on(new ProjectDeleted(10), 1, at(2), "bob", "cascade-9", null);
        tasks.on(new TaskDeleted(11), 1, at(2), "bob", "cascade-9", 10L);

        assertThat(db.jdbc.queryForList("SELECT id || ' ' || deleted_cascade || ' ' || COALESCE(deleted_with::text, '-')"
                + " FROM crm_object ORDER BY id", String.class)).containsExactly("10 cascade-9 -", "11 cascade-9 10");
    }
}
