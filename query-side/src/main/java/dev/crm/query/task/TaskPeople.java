package dev.crm.query.task;

import dev.crm.query.ProjectionWrites;
import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.shared.task.TaskKind;
import dev.crm.shared.task.WorkCreated;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keeps {@code task_person}, {@link TaskProjection}'s table of who sees each task or project by its rules
 * ({@code TaskAccess#canView(actor, related)} without the roles that see every task): a row per task, person and
 * role, so that a list is one index lookup on (username, task_id).
 *
 * <ul>
 * <li>The task's own people, one role each ({@link #PEOPLE}: owner, coOwner, responsible, subscribers), written
 * from the event only while the event is the task's latest ({@code task_view.version} is the event's): an older
 * event applied again (a replay over newer rows, a late duplicate) leaves the people a later event set.
 * <li>{@value #CONTAINER}: a person of the task's live main task or project; {@value #PART}: a person of one of
 * its live parts (subtasks; a project's tasks). These are worked out from the tables as they are, never from the
 * event, so applying any event again writes them the same: {@link #containersOfPartsOf} rewrites the
 * {@value #CONTAINER} rows of a task's parts; {@link #partsOf} brings the {@value #PART} rows of a part's
 * containers up to date with that part (rows no live part backs any more go, the part's own people come if it
 * is live), which keeps them right as long as it runs after every change to a part's people or life.
 * </ul>
 *
 * <p>Every row carries its task's parent and project (set when a task is created), so that "the parts of C that
 * X is a person of" is an index lookup too.
 */
final class TaskPeople {

    public static final String TABLE = "task_person";
    /** The fields whose people are a task's own, each a role of its own. */
    static final List<Field> PEOPLE = List.of(ObjectFields.OWNER, TaskKind.CO_OWNER, TaskKind.RESPONSIBLE,
            TaskKind.SUBSCRIBERS);
    /** A person of the task's live main task or project. */
    static final String CONTAINER = "container";
    /** A person of one of the task's live parts. */
    static final String PART = "part";
    private static final String OWN = PEOPLE.stream().map(f -> "'" + f.name() + "'").collect(Collectors.joining(", "));

    /** {@code %s}: the values, (username, role) pairs. Only while the task's row has the event's version. */
    private static final String ADD_OWN = """
            INSERT INTO task_person (task_id, username, role, parent, project)
            SELECT t.id, p.username, p.role, t.parent, t.project FROM task_view t, (VALUES %s) AS p (username, role)
            WHERE t.id = ? AND t.version = ? AND NOT EXISTS (SELECT 1 FROM task_person e
                  WHERE e.task_id = t.id AND e.username = p.username AND e.role = p.role)""";
    /** {@code %s}: the roles' placeholders. Only while the task's row has the event's version. */
    private static final String CLEAR_OWN = """
            DELETE FROM task_person WHERE task_id = ? AND role IN (%s)
            AND EXISTS (SELECT 1 FROM task_view WHERE id = ? AND version = ?)""";
    /** The {@value #CONTAINER} rows of the tasks {@code %s} picks from {@code task_view x}. */
    private static final String CLEAR_CONTAINER = """
            DELETE FROM task_person WHERE role = '%1$s' AND task_id IN (SELECT x.id FROM task_view x WHERE %%1$s)"""
            .formatted(CONTAINER);
    /** The people of the live main task and of the live project of the tasks {@code %s} picks (equi-joins only). */
    private static final String ADD_CONTAINER = """
            INSERT INTO task_person (task_id, username, role, parent, project)
            SELECT x.id, p.username, '%1$s', x.parent, x.project FROM task_view x
            JOIN task_view c ON c.id = x.parent JOIN task_person p ON p.task_id = c.id
            WHERE %%1$s AND c.deleted = FALSE AND p.role IN (%2$s)
            UNION
            SELECT x.id, p.username, '%1$s', x.parent, x.project FROM task_view x
            JOIN task_view c ON c.id = x.project JOIN task_person p ON p.task_id = c.id
            WHERE %%1$s AND c.deleted = FALSE AND p.role IN (%2$s)""".formatted(CONTAINER, OWN);
    /** The task itself. */
    private static final String ITSELF = "x.id = ?";
    /** The task's parts: its subtasks, a project's tasks. */
    private static final String PARTS_OF = "x.id IN (SELECT y.id FROM task_view y WHERE y.parent = ?"
            + " UNION ALL SELECT y.id FROM task_view y WHERE y.project = ?)";
    /** The {@value #PART} rows of the part's containers that no live part of theirs backs. */
    private static final String CLEAR_PART = """
            DELETE FROM task_person v WHERE v.role = '%1$s'
            AND v.task_id IN (SELECT s.parent FROM task_view s WHERE s.id = ? UNION ALL SELECT s.project FROM task_view s WHERE s.id = ?)
            AND NOT EXISTS (SELECT 1 FROM task_person p JOIN task_view s ON s.id = p.task_id
                            WHERE p.username = v.username AND p.parent = v.task_id AND p.role IN (%2$s) AND s.deleted = FALSE)
            AND NOT EXISTS (SELECT 1 FROM task_person p JOIN task_view s ON s.id = p.task_id
                            WHERE p.username = v.username AND p.project = v.task_id AND p.role IN (%2$s) AND s.deleted = FALSE)"""
            .formatted(PART, OWN);
    /** The part's own people, if it is live, as {@value #PART} rows of its main task and its project. */
    private static final String ADD_PART = """
            INSERT INTO task_person (task_id, username, role, parent, project)
            SELECT c.id, p.username, '%1$s', c.parent, c.project FROM task_view s
            JOIN task_view c ON c.id = s.parent JOIN task_person p ON p.task_id = s.id
            WHERE s.id = ? AND s.deleted = FALSE AND p.role IN (%2$s)
            AND NOT EXISTS (SELECT 1 FROM task_person e WHERE e.task_id = c.id AND e.username = p.username AND e.role = '%1$s')
            UNION
            SELECT c.id, p.username, '%1$s', c.parent, c.project FROM task_view s
            JOIN task_view c ON c.id = s.project JOIN task_person p ON p.task_id = s.id
            WHERE s.id = ? AND s.deleted = FALSE AND p.role IN (%2$s)
            AND NOT EXISTS (SELECT 1 FROM task_person e WHERE e.task_id = c.id AND e.username = p.username AND e.role = '%1$s')"""
            .formatted(PART, OWN);

    /**
     * The rows a statement on the task's own people reads and writes: the task's row (its version) and its
     * {@code task_person} rows. The relation statements (container and part rows) read rows found through other
     * rows, so they are queued {@link ProjectionWrites#updateAcrossRows across rows}.
     */
    private static List<ProjectionWrites.Row> own(long id) {
        return List.of(ProjectionWrites.row(TaskProjection.TABLE, id), ProjectionWrites.row(TABLE, id));
    }

    private final ProjectionWrites writes;

    TaskPeople(ProjectionWrites writes) {
        this.writes = writes;
    }

    /** A task or project was created (version 1), maybe as a part. */
    void created(WorkCreated e) {
        long id = e.objectId();
        Map<String, List<String>> people = new LinkedHashMap<>();
        people.put(ObjectFields.OWNER.name(), List.of(e.owner()));
        people.put(TaskKind.CO_OWNER.name(), e.coOwner() == null ? List.of() : List.of(e.coOwner()));
        people.put(TaskKind.RESPONSIBLE.name(), e.responsible());
        people.put(TaskKind.SUBSCRIBERS.name(), e.subscribers());
        addOwn(id, 1, people);
        if (e.parent() != null || e.project() != null) {
            containersOf(id);
            partsOf(id);
        }
    }

    /** The event at {@code version} made these changes; those of {@link #PEOPLE} set that role's people. */
    void changed(long id, long version, List<FieldChange> changes) {
        Map<String, List<String>> people = new LinkedHashMap<>();
        for (FieldChange c : changes) {
            PEOPLE.stream().filter(f -> f.is(c.field())).findFirst().ifPresent(f -> people.put(f.name(),
                    c.to() == null || c.to().isBlank() ? List.of() : List.of(c.to().split(", "))));
        }
        if (people.isEmpty()) {
            return;
        }
        List<Object> args = new ArrayList<>(List.of(id));
        args.addAll(people.keySet());
        args.addAll(List.of(id, version));
        writes.update(own(id), CLEAR_OWN.formatted(String.join(", ", Collections.nCopies(people.size(), "?"))),
                args.toArray());
        addOwn(id, version, people);
        partsOf(id);
        containersOfPartsOf(id);
    }

    /** The task was deleted or restored: its people no longer (or again) see its containers and parts. */
    void lifeChanged(long id) {
        partsOf(id);
        containersOfPartsOf(id);
    }

    private void addOwn(long id, long version, Map<String, List<String>> people) {
        List<Object> args = new ArrayList<>();
        StringBuilder values = new StringBuilder();
        people.forEach((role, names) -> names.stream().filter(n -> n != null && !n.isBlank()).distinct().forEach(n -> {
            values.append(values.isEmpty() ? "(?, ?)" : ", (?, ?)");
            args.add(n);
            args.add(role);
        }));
        if (values.isEmpty()) {
            return;
        }
        args.addAll(List.of(id, version));
        writes.update(own(id), ADD_OWN.formatted(values), args.toArray());
    }

    /** The {@value #CONTAINER} rows of the task itself, from its containers as they are. */
    private void containersOf(long id) {
        writes.updateAcrossRows(CLEAR_CONTAINER.formatted(ITSELF), id);
        writes.updateAcrossRows(ADD_CONTAINER.formatted(ITSELF), id, id);
    }

    /** The {@value #CONTAINER} rows of the task's parts, from their containers as they are. */
    private void containersOfPartsOf(long id) {
        writes.updateAcrossRows(CLEAR_CONTAINER.formatted(PARTS_OF), id, id);
        writes.updateAcrossRows(ADD_CONTAINER.formatted(PARTS_OF), id, id, id, id);
    }

    /** The {@value #PART} rows of the task's containers, brought up to date with this part. */
    private void partsOf(long id) {
        writes.updateAcrossRows(CLEAR_PART, id, id);
        writes.updateAcrossRows(ADD_PART, id, id);
    }
}
