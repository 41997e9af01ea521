package dev.crm.query.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.PostgresSchema;
import dev.crm.query.link.Links;
import dev.crm.query.object.ObjectIndex;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.FieldChange;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.task.WorkKind;
import dev.crm.shared.project.ProjectCreated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link TaskQueries} on PostgreSQL: the visibility rule in SQL against {@code TaskAccess} (people of the task,
 * of its live container, of its live parts; privileged roles), the filters, the order, the pages, and the
 * questions about containers and parts.
 */
class TaskQueriesIT {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    static final List<Actor> ACTORS = List.of(Actor.of("olga"), Actor.of("cole"), Actor.of("rita"), Actor.of("sam"),
            Actor.of("paul"), Actor.of("pia"), Actor.of("rax"), Actor.of("r_x"), Actor.of("quinn"), Actor.of("vic"),
            Actor.of("del"), Actor.of("zoe"), Actor.of("nobody"), Actor.of("mona", Role.MANAGER, Role.ACCOUNTANT),
            Actor.of("ned"), Actor.of("ola"), Actor.of("una"), Actor.of("sue"), Actor.of("cid"), Actor.of("ivy"),
            Actor.of("chief", Role.CHIEF), Actor.of("taskop", Role.TASK_OPERATOR), Actor.of("admin", Role.ADMIN));

    static PostgresSchema db;
    static TaskQueries tasks;

    static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    static TaskCreated task(long id, String title, String description, String due, List<String> responsible,
                            String coOwner, List<String> subscribers, Long parent, Long memo, String owner, Long project,
                            Long department) {
        return new TaskCreated(id, title, description, TaskPriority.MIDDLE, due, null, null, responsible, coOwner,
                subscribers, List.of(), parent, memo, owner, project, department);
    }

    /**
     * 1 "Fix the boiler" (olga; co-owner cole; rita; subscriber sam; overdue), its subtask 2 (paul);
     * project 3 (pia; rax) with its task 4 (quinn, completed, overdue but closed); 5 deleted (olga, rita);
     * 7 deleted (del) with its subtask 6 (vic); 8 (zoe, no department, from memo 50); 9, the oldest, by ned for
     * ola with subscriber sue, then reassigned: responsible una, no subscribers, co-owner cid, owner ivy.
     */
    @BeforeAll
    static void tasks() {
        db = PostgresSchema.fresh();
        TaskProjection projection = new TaskProjection(db.writes, new ObjectIndex(db.jdbc, db.writes), new Links(db.jdbc, db.writes));
        tasks = new TaskQueries(db.named, db.writes);
        projection.on(task(1, "Fix the boiler", "Heating is off", "2026-03-01", List.of("rita"), "cole", List.of("sam"),
                null, null, "olga", null, 7L), at(1));
        projection.on(task(2, "Order parts", null, "2026-05-01", List.of("paul"), null, List.of(), 1L, null, "olga",
                null, 7L), at(2));
        projection.on(new ProjectCreated(3, "New office", "Boiler included", TaskPriority.HIGH, null, null, null,
                List.of("rax"), null, List.of(), List.of(), null, "pia", 8L), at(3));
        projection.on(task(4, "Sign the lease", null, "2026-02-01", List.of("quinn"), null, List.of(), null, null,
                "quinn", 3L, 8L), at(4));
        projection.on(task(5, "Old boiler task", null, null, List.of("rita"), null, List.of(), null, null, "olga", null,
                7L), at(5));
        projection.on(task(7, "Gone", null, null, List.of("del"), null, List.of(), null, null, "del", null, 7L), at(6));
        projection.on(task(6, "Orphan", null, null, List.of("vic"), null, List.of(), 7L, null, "vic", null, 7L), at(7));
        projection.on(task(8, "100% sure_thing", null, null, List.of("zoe"), null, List.of(), null, 50L, "zoe", null,
                null), at(8));
        projection.on(task(9, "Back\\up the server", "weekly", null, List.of("ola"), null, List.of("sue"), null, null,
                "ned", null, null), at(-3));
        projection.on(new TaskChanged(9, List.of(FieldChange.of("responsible", "ola", "una"),
                FieldChange.of("subscribers", "sue", null), FieldChange.of("coOwner", null, "cid"))), 1, at(-2));
        projection.on(new TaskOwnerChanged(9, "ned", "ivy"), 2, at(-1));
        projection.on(new TaskStageChanged(4, TaskStage.PENDING, TaskStage.COMPLETED), 1, at(9));
        projection.on(new TaskDeleted(5), 1, at(10), "olga", null, null);
        projection.on(new TaskDeleted(7), 1, at(11), "del", null, null);
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    static List<Long> ids(Page<TaskView> page) {
        return page.items().stream().map(TaskView::id).toList();
    }

    static List<Long> list(Actor actor, WorkKind kind) {
        return ids(tasks.list(actor, kind, null, null, false, null, 0, Page.MAX_SIZE));
    }

    static List<Long> list(String username, WorkKind kind) {
        return list(Actor.of(username), kind);
    }

    @Test
    void listsShowEachActorWhatTaskAccessLetsThemSee() {
        List<TaskView> all = db.jdbc.query("SELECT * FROM task_view", TaskQueries.ROW);
        assertThat(all).hasSize(9);
        for (Actor actor : ACTORS) {
            for (WorkKind kind : WorkKind.values()) {
                List<Long> byTheRule = all.stream().filter(t -> t.kind() == kind && !t.deleted() && tasks.mayView(t, actor))
                        .sorted(Comparator.comparing(TaskView::updatedAt).thenComparing(TaskView::id).reversed())
                        .map(TaskView::id).toList();
                assertThat(list(actor, kind)).as(actor.username() + " " + kind).isEqualTo(byTheRule);
                for (TaskView t : all) {
                    assertThat(tasks.findVisible(t.id(), actor).isPresent()).as(actor.username() + " " + t.id())
                            .isEqualTo(!t.deleted() && tasks.mayView(t, actor));
                }
            }
        }
    }

    @Test
    void whoSeesWhat() {
        assertThat(list("olga", WorkKind.TASK)).containsExactly(2L, 1L);
        assertThat(list("cole", WorkKind.TASK)).containsExactly(2L, 1L);
        assertThat(list("sam", WorkKind.TASK)).containsExactly(2L, 1L);
        // a part's people see its container, a container's people its parts
        assertThat(list("paul", WorkKind.TASK)).containsExactly(2L, 1L);
        assertThat(list("rita", WorkKind.TASK)).containsExactly(2L, 1L);
        assertThat(list("rax", WorkKind.TASK)).containsExactly(4L);
        assertThat(list("rax", WorkKind.PROJECT)).containsExactly(3L);
        assertThat(list("quinn", WorkKind.PROJECT)).containsExactly(3L);
        // "_" in a username is a character, not a wildcard: r_x is not rax
        assertThat(list("r_x", WorkKind.TASK)).isEmpty();
        assertThat(list("r_x", WorkKind.PROJECT)).isEmpty();
        // deleted tasks show nothing, and a deleted container lends its people nothing
        assertThat(list("del", WorkKind.TASK)).isEmpty();
        assertThat(list("vic", WorkKind.TASK)).containsExactly(6L);
        assertThat(list("nobody", WorkKind.TASK)).isEmpty();
        assertThat(list(Actor.of("mona", Role.MANAGER, Role.ACCOUNTANT), WorkKind.TASK)).isEmpty();
        // the people a change took off a task no longer see it; the ones it put on do
        for (String gone : List.of("ned", "ola", "sue")) {
            assertThat(list(gone, WorkKind.TASK)).as(gone).isEmpty();
        }
        for (String now : List.of("ivy", "una", "cid")) {
            assertThat(list(now, WorkKind.TASK)).as(now).containsExactly(9L);
        }
        for (Actor privileged : List.of(Actor.of("chief", Role.CHIEF), Actor.of("taskop", Role.TASK_OPERATOR),
                Actor.of("admin", Role.ADMIN))) {
            assertThat(list(privileged, WorkKind.TASK)).containsExactly(4L, 8L, 6L, 2L, 1L, 9L);
            assertThat(list(privileged, WorkKind.PROJECT)).containsExactly(3L);
        }
    }

    @Test
    void filtersByTextStageMineOverdueAndDepartment() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, "BOILER", null, false, null, 0, 50))).containsExactly(1L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, " heating ", null, false, null, 0, 50))).containsExactly(1L);
        assertThat(ids(tasks.list(admin, WorkKind.PROJECT, "boiler", null, false, null, 0, 50))).containsExactly(3L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, "%", null, false, null, 0, 50))).containsExactly(8L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, "e_t", null, false, null, 0, 50))).containsExactly(8L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, TaskStage.COMPLETED, false, null, 0, 50)))
                .containsExactly(4L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, TaskStage.IN_PROGRESS, false, null, 0, 50))).isEmpty();
        // mine: owner or responsible, not co-owner or subscriber
        assertThat(ids(tasks.list(Actor.of("olga"), WorkKind.TASK, null, null, true, null, 0, 50))).containsExactly(2L, 1L);
        assertThat(ids(tasks.list(Actor.of("rita"), WorkKind.TASK, null, null, true, null, 0, 50))).containsExactly(1L);
        assertThat(ids(tasks.list(Actor.of("cole"), WorkKind.TASK, null, null, true, null, 0, 50))).isEmpty();
        assertThat(ids(tasks.list(Actor.of("sam"), WorkKind.TASK, null, null, true, null, 0, 50))).isEmpty();
        assertThat(ids(tasks.list(Actor.of("una"), WorkKind.TASK, null, null, true, null, 0, 50))).containsExactly(9L);
        assertThat(ids(tasks.list(Actor.of("ivy"), WorkKind.TASK, null, null, true, null, 0, 50))).containsExactly(9L);
        assertThat(ids(tasks.list(Actor.of("cid"), WorkKind.TASK, null, null, true, null, 0, 50))).isEmpty();
        assertThat(ids(tasks.list(Actor.of("ola"), WorkKind.TASK, null, null, true, null, 0, 50))).isEmpty();
        // overdue: open and due before the day (4 is due earlier but completed)
        LocalDate day = LocalDate.parse("2026-03-15");
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, day, 0, 50))).containsExactly(1L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, LocalDate.parse("2026-03-01"), 0, 50)))
                .isEmpty();
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, LocalDate.parse("2026-06-01"), 0, 50)))
                .containsExactly(2L, 1L);
        // departments
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, null, List.of(7L), 0, 50)))
                .containsExactly(6L, 2L, 1L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, null, List.of(8L, 9L), 0, 50)))
                .containsExactly(4L);
        assertThat(tasks.list(admin, WorkKind.TASK, null, null, false, null, List.of(), 0, 50).total()).isZero();
        assertThat(ids(tasks.list(Actor.of("paul"), WorkKind.TASK, null, null, false, null, List.of(7L), 0, 50)))
                .containsExactly(2L, 1L);
    }

    @Test
    void theHomePagesDueCountsAreTheOwnListsFilteredOverdueAndDueThatDay() {
        LocalDate march1 = LocalDate.parse("2026-03-01");
        // 1 is due on 1 March: due today for its owner and its responsible user, overdue the day after
        assertThat(tasks.due(Actor.of("olga"), march1)).isEqualTo(new TaskQueries.Due(0, 1));
        assertThat(tasks.due(Actor.of("rita"), march1)).isEqualTo(new TaskQueries.Due(0, 1));
        assertThat(tasks.due(Actor.of("rita"), march1.plusDays(1))).isEqualTo(new TaskQueries.Due(1, 0));
        // a subscriber's or a co-owner's is not their own; a closed task is not due
        assertThat(tasks.due(Actor.of("sam"), march1)).isEqualTo(new TaskQueries.Due(0, 0));
        assertThat(tasks.due(Actor.of("quinn"), LocalDate.parse("2026-06-01"))).isEqualTo(new TaskQueries.Due(0, 0));
        assertThat(tasks.due(Actor.of("chief", Role.CHIEF), march1)).isEqualTo(new TaskQueries.Due(0, 0));
        // for everyone and every day, the counts are the lists' ("mine", overdue / due that day)
        for (Actor actor : ACTORS) {
            for (String day : List.of("2026-02-01", "2026-03-01", "2026-03-02", "2026-05-01", "2026-06-01")) {
                LocalDate d = LocalDate.parse(day);
                TaskQueries.Due due = tasks.due(actor, d);
                assertThat(due.overdue()).as(actor + " " + day).isEqualTo(tasks.list(actor, WorkKind.TASK, null, null,
                        true, d, null, null, TaskQueries.LATEST, 0, 50).total());
                assertThat(due.today()).as(actor + " " + day).isEqualTo(tasks.list(actor, WorkKind.TASK, null, null,
                        true, null, d, null, TaskQueries.LATEST, 0, 50).total());
            }
        }
        assertThat(ids(tasks.list(Actor.of("paul"), WorkKind.TASK, null, null, true, null, LocalDate.parse("2026-05-01"),
                null, TaskQueries.LATEST, 0, 50))).containsExactly(2L);
    }

    @Test
    void pagesFollowTheNewestChangeFirst() {
        Actor admin = Actor.of("admin", Role.ADMIN);
        Page<TaskView> first = tasks.list(admin, WorkKind.TASK, null, null, false, null, 0, 2);
        assertThat(ids(first)).containsExactly(4L, 8L);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.totalExact()).isTrue();
        assertThat(first.pages()).isEqualTo(3);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, null, 1, 2))).containsExactly(6L, 2L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, null, 2, 2))).containsExactly(1L, 9L);
        assertThat(ids(tasks.list(admin, WorkKind.TASK, null, null, false, null, 3, 2))).isEmpty();
        Page<TaskView> clamped = tasks.list(admin, WorkKind.TASK, null, null, false, null, -1, -5);
        assertThat(clamped.page()).isZero();
        assertThat(clamped.size()).isEqualTo(1);
        assertThat(ids(clamped)).containsExactly(4L);
    }

    @Test
    void theTotalIsCountedOnlyUpToTheBound() {
        TaskQueries bounded = new TaskQueries(db.named, db.writes, new Paging(db.named, 3));
        Actor admin = Actor.of("admin", Role.ADMIN);
        Page<TaskView> privileged = bounded.list(admin, WorkKind.TASK, null, null, false, null, 0, 2);
        assertThat(ids(privileged)).containsExactly(4L, 8L);
        assertThat(privileged.total()).isEqualTo(3);
        assertThat(privileged.totalExact()).isFalse();
        assertThat(privileged.hasNext()).isTrue();
        Page<TaskView> last = bounded.list(admin, WorkKind.TASK, null, null, false, null, 2, 2);
        assertThat(last.total()).isEqualTo(6);
        assertThat(last.totalExact()).isTrue();
        // a person's list through task_person, the same way
        Page<TaskView> olgas = new TaskQueries(db.named, db.writes, new Paging(db.named, 1)).list(Actor.of("olga"), WorkKind.TASK,
                null, null, false, null, 0, 1);
        assertThat(ids(olgas)).containsExactly(2L);
        assertThat(olgas.total()).isEqualTo(1);
        assertThat(olgas.totalExact()).isFalse();
        assertThat(bounded.list(Actor.of("olga"), WorkKind.TASK, null, null, false, null, 0, 1))
                .returns(2L, Page::total).returns(true, Page::totalExact);
    }

    static final List<String> SEARCHES = List.of("boiler", "BOILER", " heating ", "%", "100%", "e_t", "_", "\\",
            "back\\up", "weekly", "ab", "o", "Fix the boiler", "nothing like it");

    /** The tasks of the kind the actor may see whose title or description holds the text (Java's rule). */
    static List<Long> foundByTheRule(List<TaskView> visible, String text) {
        String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
        return visible.stream()
                .filter(t -> t.title().toLowerCase(java.util.Locale.ROOT).contains(needle)
                        || (t.description() != null && t.description().toLowerCase(java.util.Locale.ROOT).contains(needle)))
                .sorted(Comparator.comparing(TaskView::updatedAt).thenComparing(TaskView::id).reversed())
                .map(TaskView::id).toList();
    }

    static List<TaskView> visibleByTheRule(Actor actor, WorkKind kind) {
        return db.jdbc.query("SELECT * FROM task_view", TaskQueries.ROW).stream()
                .filter(t -> t.kind() == kind && !t.deleted() && tasks.mayView(t, actor)).toList();
    }

    @Test
    void textSearchThroughTheTrigramIndexesFindsWhatTheRuleFinds() {
        // the planner would read so small a table from end to end, or by an index on kind: in a transaction that
        // is rolled back, with those indexes dropped and no plain scans, only the trigram indexes lead to the rows
        new TransactionTemplate(db.transactions()).executeWithoutResult(tx -> {
            List<String> others = db.jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                    + " AND tablename = 'task_view' AND indexname NOT LIKE '%trgm' AND indexname NOT LIKE '%pkey'", String.class);
            assertThat(others).contains("task_view_kind_updated");
            others.forEach(index -> db.jdbc.execute("DROP INDEX " + index));
            db.jdbc.execute("SET LOCAL enable_seqscan = off");
            db.jdbc.execute("SET LOCAL enable_indexscan = off");
            String plan = String.join("\n", db.named.queryForList("EXPLAIN SELECT t.* FROM task_view t WHERE t.kind = 'task'"
                    + " AND " + TaskQueries.VISIBLE_TO_ALL + TaskQueries.TEXT + " ORDER BY "
                    + TaskQueries.LATEST.orderBy(TaskQueries.SORTS, "t.") + " LIMIT 50",
                    new org.springframework.jdbc.core.namedparam.MapSqlParameterSource("pattern",
                            dev.crm.query.Sql.containsPattern("boiler")), String.class));
            assertThat(plan).contains("task_view_title_trgm").contains("task_view_description_trgm");
            searchesFindWhatTheRuleFinds();
            tx.setRollbackOnly();
        });
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND indexname = 'task_view_kind_updated'",
                Long.class)).isOne();
        searchesFindWhatTheRuleFinds();
        List<TaskView> all = visibleByTheRule(Actor.of("admin", Role.ADMIN), WorkKind.TASK);
        assertThat(foundByTheRule(all, "\\")).containsExactly(9L);
        assertThat(foundByTheRule(all, "boiler")).containsExactly(1L);
        assertThat(foundByTheRule(all, "%")).containsExactly(8L);
    }

    private void searchesFindWhatTheRuleFinds() {
        for (Actor actor : List.of(Actor.of("admin", Role.ADMIN), Actor.of("olga"), Actor.of("paul"), Actor.of("rax"),
                Actor.of("una"), Actor.of("nobody"))) {
            for (WorkKind kind : WorkKind.values()) {
                List<TaskView> visible = visibleByTheRule(actor, kind);
                for (String text : SEARCHES) {
                    assertThat(ids(tasks.list(actor, kind, text, null, false, null, 0, Page.MAX_SIZE)))
                            .as(actor.username() + " " + kind + " " + text).isEqualTo(foundByTheRule(visible, text));
                }
            }
        }
    }

    @Test
    void containersPartsAndTheirRules() {
        assertThat(tasks.find(1).orElseThrow().title()).isEqualTo("Fix the boiler");
        assertThat(tasks.find(99)).isEmpty();
        assertThat(tasks.find(5).orElseThrow().deleted()).isTrue();
        assertThat(tasks.subtasks(1)).extracting(TaskView::id).containsExactly(2L);
        assertThat(tasks.subtasks(3)).extracting(TaskView::id).containsExactly(4L);
        assertThat(tasks.subtasks(7)).extracting(TaskView::id).containsExactly(6L);
        assertThat(tasks.containers(2)).extracting(TaskView::id).containsExactly(1L);
        assertThat(tasks.containers(4)).extracting(TaskView::id).containsExactly(3L);
        assertThat(tasks.containers(6)).isEmpty();
        assertThat(tasks.containers(99)).isEmpty();
        assertThat(tasks.related(2)).containsExactly(tasks.find(1).orElseThrow().access());
        assertThat(tasks.related(1)).containsExactly(tasks.find(2).orElseThrow().access());
        assertThat(tasks.related(6)).isEmpty();
        assertThat(tasks.isLive(3, WorkKind.PROJECT)).isTrue();
        assertThat(tasks.isLive(3, WorkKind.TASK)).isFalse();
        assertThat(tasks.isLive(5, WorkKind.TASK)).isFalse();
        assertThat(tasks.isLive(99, WorkKind.TASK)).isFalse();
        assertThat(tasks.fromMemo(50)).extracting(TaskView::id).containsExactly(8L);
        assertThat(tasks.fromMemo(51)).isEmpty();
        assertThat(tasks.hasOpenSubtasks(1)).isTrue();
        assertThat(tasks.hasOpenSubtasks(3)).isFalse();
        assertThat(tasks.hasOpenSubtasks(8)).isFalse();

        TaskView subtask = tasks.find(2).orElseThrow();
        // the co-owner of the main task manages its subtasks; its responsible user does not
        assertThat(tasks.mayChange(subtask, Actor.of("cole"))).isTrue();
        assertThat(tasks.mayReassign(subtask, Actor.of("cole"))).isTrue();
        assertThat(tasks.mayChange(subtask, Actor.of("rita"))).isFalse();
        assertThat(tasks.mayChange(subtask, Actor.of("paul"))).isTrue();
        assertThat(tasks.mayReassign(subtask, Actor.of("paul"))).isFalse();
        TaskView main = tasks.find(1).orElseThrow();
        assertThat(tasks.mayChange(main, Actor.of("rita"))).isTrue();
        assertThat(tasks.mayReassign(main, Actor.of("rita"))).isFalse();
        assertThat(tasks.mayChange(main, Actor.of("sam"))).isFalse();
        assertThat(tasks.mayChange(main, Actor.of("taskop", Role.TASK_OPERATOR))).isTrue();
        // a deleted container no longer lends its managers anything
        assertThat(tasks.mayChange(tasks.find(6).orElseThrow(), Actor.of("del"))).isFalse();
    }
}
