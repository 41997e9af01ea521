package dev.crm.query.task;

import dev.crm.query.ProjectionWrites;

import java.util.Map;

import dev.crm.query.Sort;

import dev.crm.shared.task.TaskKind;

import dev.crm.shared.kind.ObjectFields;


import dev.crm.query.Page;
import dev.crm.query.Paging;
import dev.crm.query.Sql;
import dev.crm.shared.Actor;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads tasks and projects, showing each actor only what {@code TaskAccess#canView} lets them see. */
@Component
public class TaskQueries {

    /**
     * {@code TaskAccess#canView(actor, related)} as SQL for an actor who may not view every task: a person of the
     * task, of its live main task or project, or of one of its live parts (subtasks; a project's tasks), which is
     * what {@code task_person} holds ({@link TaskPeople}): one index lookup on (username, task_id). The planner
     * then walks the list's order and probes that index for an actor who sees many tasks, or starts from the
     * actor's rows and sorts them for one who sees few. {@code TaskQueriesIT} holds lists and single reads to the
     * same answers as the rule.
     */
    static final String VISIBLE = """
            t.deleted = FALSE AND t.id IN (SELECT tp.task_id FROM task_person tp WHERE tp.username = :me)""";
    /**
     * {@link #VISIBLE} for an actor who may view every task (or project): every live one. A text of its own
     * rather than a parameter, so that no plan made for any value of a parameter keeps the other branch.
     */
    static final String VISIBLE_TO_ALL = "t.deleted = FALSE";
    /** Title or description holds the text ({@code Sql#containsPattern}); PostgreSQL has trigram indexes for both. */
    static final String TEXT = " AND (LOWER(t.title) LIKE :pattern ESCAPE '\\'"
            + " OR LOWER(COALESCE(t.description, '')) LIKE :pattern ESCAPE '\\')";
    /** The actor's own: owner or responsible. */
    private static final String MINE = " AND t.id IN (SELECT m.task_id FROM task_person m WHERE m.username = :me"
            + " AND m.role IN ('" + ObjectFields.OWNER.name() + "', '" + TaskKind.RESPONSIBLE.name() + "'))";

    /** Not completed or canceled. */
    private static final String OPEN = " AND t.stage NOT IN ('COMPLETED', 'CANCELED')";

    static final RowMapper<TaskView> ROW = (rs, n) -> new TaskView(rs.getLong("id"),
            WorkKind.ofKind(rs.getString("kind")), rs.getLong("version"),
            rs.getString("title"), rs.getString("description"), TaskPriority.valueOf(rs.getString("priority")),
            rs.getString("due_date"), rs.getString("next_step"), rs.getString("next_step_date"),
            list(rs.getString("responsible")), rs.getString("co_owner"), list(rs.getString("subscribers")),
            list(rs.getString("tags")), TaskStage.valueOf(rs.getString(ObjectFields.STAGE.name())), Sql.instant(rs, "closed_at"),
            rs.getObject("parent", Long.class), rs.getObject(TaskKind.PROJECT.name(), Long.class), rs.getObject(TaskKind.MEMO.name(), Long.class),
            rs.getString("owner"),
            rs.getBoolean("deleted"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"),
            rs.getObject(ObjectFields.DEPARTMENT.name(), Long.class));

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Paging paging;

    @Autowired
    public TaskQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, Paging paging) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.paging = paging;
    }

    /** With the default bound of the lists' counts ({@link Paging#COUNT_LIMIT}). */
    public TaskQueries(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes) {
        this(jdbc, writes, new Paging(jdbc));
    }

    /**
     * The task as the command just sent on this thread left it: the row its projection wrote, when it was kept
     * ({@link ProjectionWrites#updateKeeping}), else read again.
     */
    public Optional<TaskView> afterCommand(long id) {
        Optional<TaskView> written = writes.taken(TaskProjection.TABLE, id, TaskView.class);
        return written.isPresent() ? written : find(id);
    }

    static List<String> list(String stored) {
        if (stored == null || stored.length() < 2) {
            return List.of();
        }
        return Arrays.asList(stored.substring(1, stored.length() - 1).split(","));
    }

    public Optional<TaskView> find(long id) {
        return jdbc.query("SELECT * FROM task_view WHERE id = :id", new MapSqlParameterSource("id", id), ROW)
                .stream().findFirst();
    }

    public Optional<TaskView> findVisible(long id, Actor actor) {
        return find(id).filter(t -> !t.deleted() && mayView(t, actor));
    }

    /** The one rule, {@code TaskAccess}, with the task's related tasks looked up only when needed. */
    public boolean mayView(TaskView task, Actor actor) {
        return task.access().canView(actor) || task.access().canView(actor, related(task.id()));
    }

    /** The rules of the task's live main task or project and of its live parts. */
    public List<TaskAccess> related(long taskId) {
        List<TaskAccess> related = new java.util.ArrayList<>();
        find(taskId).ifPresent(t -> java.util.stream.Stream.of(t.parent(), t.project())
                .filter(java.util.Objects::nonNull).map(this::find).flatMap(Optional::stream)
                .filter(p -> !p.deleted()).forEach(p -> related.add(p.access())));
        subtasks(taskId).forEach(s -> related.add(s.access()));
        return related;
    }

    /** Its containers: its live main task and its live project (none for a top-level task or a project). */
    public List<TaskView> containers(long taskId) {
        return find(taskId).map(this::containers).orElse(List.of());
    }

    private List<TaskView> containers(TaskView task) {
        return java.util.stream.Stream.of(task.parent(), task.project()).filter(java.util.Objects::nonNull)
                .map(this::find).flatMap(Optional::stream).filter(p -> !p.deleted()).toList();
    }

    /** {@code TaskAccess#canChange(actor, containers)}: the task's own rule, and the holders of its containers. */
    public boolean mayChange(TaskView task, Actor actor) {
        return task.access().canChange(actor) || task.access().canChange(actor, containerRules(task));
    }

    /** {@code TaskAccess#canReassign(actor, containers)}. */
    public boolean mayReassign(TaskView task, Actor actor) {
        return task.access().canReassign(actor) || task.access().canReassign(actor, containerRules(task));
    }

    private List<TaskAccess> containerRules(TaskView task) {
        return containers(task).stream().map(TaskView::access).toList();
    }

    /** Live parts: a task's subtasks, a project's tasks. */
    public List<TaskView> subtasks(long taskId) {
        return jdbc.query("SELECT * FROM task_view WHERE (parent = :id OR project = :id) AND deleted = FALSE ORDER BY id",
                new MapSqlParameterSource("id", taskId), ROW);
    }

    /** Whether the object is a live task or project of that kind. */
    public boolean isLive(long id, WorkKind kind) {
        return find(id).filter(t -> t.kind() == kind && !t.deleted()).isPresent();
    }

    /** Live tasks and projects made from a memo. */
    public List<TaskView> fromMemo(long memoId) {
        return jdbc.query("SELECT * FROM task_view WHERE memo = :id AND deleted = FALSE ORDER BY id",
                new MapSqlParameterSource("id", memoId), ROW);
    }

    public boolean hasOpenSubtasks(long taskId) {
        return subtasks(taskId).stream().anyMatch(t -> !t.stage().closed());
    }

    /**
     * A page of the tasks (or projects) the actor may see; {@code text}, {@code stage} may be null;
     * {@code mine}: owner or responsible; {@code overdueOn}, when not null: only open ones due before that day.
     */
    public Page<TaskView> list(Actor actor, WorkKind kind, String text, TaskStage stage, boolean mine, LocalDate overdueOn, int page,
                               int size) {
        return list(actor, kind, text, stage, mine, overdueOn, null, page, size);
    }

    /** As above, only those of these departments when {@code departments} is not null (empty: none). */
    public Page<TaskView> list(Actor actor, WorkKind kind, String text, TaskStage stage, boolean mine, LocalDate overdueOn,
                               java.util.Collection<Long> departments, int page, int size) {
        return list(actor, kind, text, stage, mine, overdueOn, departments, LATEST, page, size);
    }

    /** The fields a task or project list can be sorted by, with their SQL. */
    public static final Map<String, String> SORTS = Map.of(ObjectFields.ID.name(), "t.id", TaskKind.TITLE.name(),
            "LOWER(t.title)", TaskKind.PRIORITY.name(), Sort.inOrder("t.priority", TaskPriority.values()),
            ObjectFields.STAGE.name(), Sort.inOrder("t.stage", TaskStage.values()), TaskKind.DUE_DATE.name(),
            "t.due_date", ObjectFields.DEPARTMENT.name(), "t.department", ObjectFields.UPDATED_AT.name(), "t.updated_at");
    /** Newest change first. */
    public static final Sort LATEST = new Sort(ObjectFields.UPDATED_AT.name(), true);

    /** As above, in the given order ({@link #SORTS}). */
    public Page<TaskView> list(Actor actor, WorkKind kind, String text, TaskStage stage, boolean mine, LocalDate overdueOn,
                               java.util.Collection<Long> departments, Sort sort, int page, int size) {
        return list(actor, kind, text, stage, mine, overdueOn, null, departments, sort, page, size);
    }

    /** The actor's own open tasks (owner or responsible) due before {@code today} and due on it. */
    public record Due(long overdue, long today) {
    }

    /** {@link Due} for the actor, in one query: of the tasks the actor may see, their own open ones. */
    public Due due(Actor actor, LocalDate today) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("me", actor.username())
                .addValue("kind", WorkKind.TASK.kind()).addValue("today", today.toString());
        boolean privileged = dev.crm.shared.access.Permissions.allowsAll(actor, WorkKind.TASK.kind(),
                dev.crm.shared.access.Permissions.Action.VIEW);
        return jdbc.queryForObject("SELECT COALESCE(SUM(CASE WHEN t.due_date < :today THEN 1 ELSE 0 END), 0) AS overdue,"
                + " COALESCE(SUM(CASE WHEN t.due_date = :today THEN 1 ELSE 0 END), 0) AS due_today FROM task_view t"
                + " WHERE t.kind = :kind AND " + (privileged ? VISIBLE_TO_ALL : VISIBLE) + MINE + OPEN
                + " AND t.due_date IS NOT NULL AND t.due_date <= :today", params,
                (rs, n) -> new Due(rs.getLong("overdue"), rs.getLong("due_today")));
    }

    /**
     * As above, only open ones due on {@code dueOn} when it is not null (the home page's "due today").
     */
    public Page<TaskView> list(Actor actor, WorkKind kind, String text, TaskStage stage, boolean mine, LocalDate overdueOn,
                               LocalDate dueOn, java.util.Collection<Long> departments, Sort sort, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("me", actor.username())
                .addValue("kind", kind.kind());
        boolean privileged = dev.crm.shared.access.Permissions.allowsAll(actor, kind.kind(),
                dev.crm.shared.access.Permissions.Action.VIEW);
        StringBuilder where = new StringBuilder(" WHERE t.kind = :kind AND ").append(privileged ? VISIBLE_TO_ALL : VISIBLE);
        if (text != null && !text.isBlank()) {
            where.append(TEXT);
            params.addValue("pattern", Sql.containsPattern(text.strip()));
        }
        if (stage != null) {
            where.append(" AND t.stage = :stage");
            params.addValue(ObjectFields.STAGE.name(), stage.name());
        }
        if (overdueOn != null) {
            // ISO dates sort as text
            where.append(" AND t.due_date IS NOT NULL AND t.due_date < :today").append(OPEN);
            params.addValue("today", overdueOn.toString());
        }
        if (dueOn != null) {
            where.append(" AND t.due_date = :dueOn").append(OPEN);
            params.addValue("dueOn", dueOn.toString());
        }
        if (mine) {
            where.append(MINE);
        }
        Sql.inDepartments(where, params, "t.department", departments);
        return paging.page("t.*", "task_view t", where, params, sort.orderBy(SORTS, "t."), ROW, page, size);
    }
}
