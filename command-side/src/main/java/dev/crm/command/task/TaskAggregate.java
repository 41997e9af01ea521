package dev.crm.command.task;

import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import dev.crm.command.Input;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.task.TaskKind;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Cascades;
import dev.crm.command.ObjectRules;
import dev.crm.command.Rejected;
import dev.crm.command.UserDirectory;
import dev.crm.command.Versions;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.ChangeTaskStage;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.command.Restoring;
import dev.crm.command.task.TaskCommands.DeleteTask;
import dev.crm.command.task.TaskCommands.RestoreTask;
import dev.crm.command.task.TaskCommands.TransferTask;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.project.ProjectChanged;
import dev.crm.shared.project.ProjectCreated;
import dev.crm.shared.project.ProjectDeleted;
import dev.crm.shared.project.ProjectRestored;
import dev.crm.shared.project.ProjectOwnerChanged;
import dev.crm.shared.project.ProjectStageChanged;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskChanged;
import dev.crm.shared.task.TaskCreated;
import dev.crm.shared.task.TaskDeleted;
import dev.crm.shared.task.TaskRestored;
import dev.crm.shared.task.TaskOwnerChanged;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.TaskStageChanged;
import dev.crm.shared.task.WorkCreated;
import dev.crm.shared.task.WorkKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A task or a project (the same fields, stages and rules; a project holds tasks and applies its own event
 * types, see {@link WorkKind}). Rules: {@link TaskAccess} (who sees and changes it), {@link Input} (fields, by their declaration in {@link TaskKind}), and its
 * stages: a task without responsible users is given its creator; completed and canceled close it; a main
 * task cannot be completed while one of its subtasks is open.
 */
@Aggregate
public class TaskAggregate {

    @AggregateIdentifier
    private Long taskId;
    private WorkKind kind;
    private Long parent;
    private String owner;
    private String title;
    private String description;
    private TaskPriority priority;
    private String dueDate;
    private String nextStep;
    private String nextStepDate;
    private List<String> responsible;
    private String coOwner;
    private List<String> subscribers;
    private List<String> tags;
    private TaskStage stage;
    private boolean deleted;

    protected TaskAggregate() {
        // for Axon
    }

    @CommandHandler
    public TaskAggregate(CreateTask cmd, MetaData metaData, UserDirectory users, TaskTree tasks, ObjectRules objects) {
        Actor actor = Actor.fromMetaData(metaData);
        List<Rejected.FieldError> errors = new ArrayList<>();
        String newTitle = Input.clean(cmd.title());
        Input.check(TaskKind.TITLE, newTitle, errors);
        String newDescription = Input.clean(cmd.description());
        Input.check(TaskKind.DESCRIPTION, newDescription, errors);
        String newNextStep = Input.clean(cmd.nextStep());
        Input.check(TaskKind.NEXT_STEP, newNextStep, errors);
        String due = Input.clean(cmd.dueDate());
        Input.check(TaskKind.DUE_DATE, due, errors);
        String nextDate = Input.clean(cmd.nextStepDate());
        Input.check(TaskKind.NEXT_STEP_DATE, nextDate, errors);
        List<String> newResponsible = Input.users(TaskKind.RESPONSIBLE, orEmpty(cmd.responsible()), users, errors);
        String newCoOwner = Input.clean(cmd.coOwner());
        if (newCoOwner != null) {
            Input.users(TaskKind.CO_OWNER, List.of(newCoOwner), users, errors);
        }
        List<String> newSubscribers = Input.users(TaskKind.SUBSCRIBERS, orEmpty(cmd.subscribers()), users, errors);
        List<String> newTags = Input.tags(TaskKind.TAGS, orEmpty(cmd.tags()), errors);
        WorkKind newKind = cmd.kind() == null ? WorkKind.TASK : cmd.kind();
        if (cmd.parent() != null && (!newKind.canBePart()
                || !(tasks.isLive(cmd.parent(), newKind) && objects.canView(actor, cmd.parent())))) {
            errors.add(Input.error(TaskKind.PARENT, "validation.task.unknown-parent", cmd.parent()));
        }
        if (cmd.project() != null && (!newKind.canBePart()
                || !(tasks.isLive(cmd.project(), WorkKind.PROJECT) && objects.canView(actor, cmd.project())))) {
            errors.add(Input.error(TaskKind.PROJECT, "validation.task.unknown-project", cmd.project()));
        }
        if (cmd.parent() != null && newResponsible.size() > 1) {
            // as the reference product: a subtask is one person's part (a team task gets one per person)
            errors.add(Input.error(TaskKind.RESPONSIBLE, "validation.task.subtask-one-responsible"));
        }
        Input.throwIfAny(errors);
        TaskPriority newPriority = cmd.priority() == null ? TaskPriority.MIDDLE : cmd.priority();
        List<String> people = newResponsible.isEmpty() ? List.of(actor.username()) : newResponsible;
        LinkedHashSet<String> named = new LinkedHashSet<>(people);
        if (newCoOwner != null) {
            named.add(newCoOwner);
        }
        named.addAll(newSubscribers);
        for (Long container : Arrays.asList(cmd.parent(), cmd.project())) {
            if (container != null) {
                TaskAccess rules = tasks.access(container).orElseThrow(() -> new Rejected.NotFound(container));
                List<TaskAccess> itsContainers = containerRules(container, tasks);
                if (!rules.canAddPart(actor, itsContainers)) {
                    throw new Rejected.Forbidden("error.task.add-part-forbidden", container);
                }
                requireMayName(actor, container, rules, itsContainers, named, tasks);
            }
        }
        apply(newKind.created(new WorkKind.NewWork(cmd.taskId(), newTitle, newDescription, newPriority, due,
                newNextStep, nextDate, people, newCoOwner, newSubscribers, newTags, cmd.parent(), cmd.project(),
                cmd.memo(), actor.username(), users.homeDepartment(actor.username()))));
    }

    /**
     * The metadata key of the kind (a {@link WorkKind} name) a command was sent for; a command sent for tasks
     * that reaches a project (or the reverse) finds nothing, as if the ID were unknown. It spares the sender a
     * lookup of the object's kind before each command.
     */
    public static final String EXPECTED_KIND = "expectedKind";

    private void requireKind(MetaData metaData) {
        Object expected = metaData.get(EXPECTED_KIND);
        if (expected != null && !expected.equals(kind.name())) {
            throw new Rejected.NotFound(taskId);
        }
    }

    @CommandHandler
    public long handle(ChangeTask cmd, MetaData metaData, UserDirectory users, TaskTree tasks) {
        requireKind(metaData);
        Actor actor = Actor.fromMetaData(metaData);
        TaskAccess access = visibleTo(actor, tasks);
        Versions.require(cmd.expectedVersion());
        List<TaskAccess> containers = containerRules(taskId, tasks);
        if (!access.canChange(actor, containers)) {
            throw new Rejected.Forbidden("error.task.change-forbidden");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        List<FieldChange> changes = new ArrayList<>();
        // who is put on the task by this change: on a part, they would see its containers too
        LinkedHashSet<String> named = new LinkedHashSet<>();
        if (cmd.title() != null) {
            String t = Input.clean(cmd.title());
            Input.check(TaskKind.TITLE, t, errors);
            add(changes, TaskKind.TITLE, title, t);
        }
        if (cmd.description() != null) {
            String d = Input.clean(cmd.description());
            Input.check(TaskKind.DESCRIPTION, d, errors);
            add(changes, TaskKind.DESCRIPTION, description, d);
        }
        if (cmd.priority() != null) {
            add(changes, TaskKind.PRIORITY, priority.apiName(), cmd.priority().apiName());
        }
        if (cmd.dueDate() != null) {
            String d = Input.clean(cmd.dueDate());
            Input.check(TaskKind.DUE_DATE, d, errors);
            add(changes, TaskKind.DUE_DATE, dueDate, d);
        }
        if (cmd.nextStep() != null) {
            String n = Input.clean(cmd.nextStep());
            Input.check(TaskKind.NEXT_STEP, n, errors);
            add(changes, TaskKind.NEXT_STEP, nextStep, n);
        }
        if (cmd.nextStepDate() != null) {
            String d = Input.clean(cmd.nextStepDate());
            Input.check(TaskKind.NEXT_STEP_DATE, d, errors);
            add(changes, TaskKind.NEXT_STEP_DATE, nextStepDate, d);
        }
        if (cmd.responsible() != null) {
            List<String> r = Input.users(TaskKind.RESPONSIBLE, cmd.responsible(), users, errors);
            if (r.isEmpty()) {
                errors.add(Input.error(TaskKind.RESPONSIBLE, "validation.required"));
            }
            if (parent != null && r.size() > 1) {
                errors.add(Input.error(TaskKind.RESPONSIBLE, "validation.task.subtask-one-responsible"));
            }
            add(changes, TaskKind.RESPONSIBLE, join(responsible), join(r));
            r.stream().filter(u -> !responsible.contains(u)).forEach(named::add);
        }
        if (cmd.coOwner() != null) {
            String c = Input.clean(cmd.coOwner());
            if (c != null) {
                Input.users(TaskKind.CO_OWNER, List.of(c), users, errors);
            }
            add(changes, TaskKind.CO_OWNER, coOwner, c);
            if (c != null && !c.equals(coOwner)) {
                named.add(c);
            }
        }
        if (cmd.subscribers() != null) {
            List<String> s = Input.users(TaskKind.SUBSCRIBERS, cmd.subscribers(), users, errors);
            add(changes, TaskKind.SUBSCRIBERS, join(subscribers), join(s));
            s.stream().filter(u -> !subscribers.contains(u)).forEach(named::add);
        }
        if (cmd.tags() != null) {
            add(changes, TaskKind.TAGS, join(tags), join(Input.tags(TaskKind.TAGS, cmd.tags(), errors)));
        }
        Input.throwIfAny(errors);
        if (!access.canReassign(actor, containers)
                && changes.stream().anyMatch(c -> TaskKind.RESPONSIBLE.is(c.field()) || TaskKind.CO_OWNER.is(c.field()))) {
            // a sole responsible user changes the task, not who is responsible for it or who co-owns it
            throw new Rejected.Forbidden("error.task.reassign-forbidden");
        }
        requireMayNameOnContainers(actor, named, tasks);
        if (!changes.isEmpty()) {
            apply(kind.changed(taskId, changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(ChangeTaskStage cmd, MetaData metaData, TaskTree tasks) {
        requireKind(metaData);
        Actor actor = Actor.fromMetaData(metaData);
        TaskAccess access = visibleTo(actor, tasks);
        Versions.require(cmd.expectedVersion());
        if (!access.canChange(actor, containerRules(taskId, tasks))) {
            throw new Rejected.Forbidden("error.task.change-forbidden");
        }
        if (cmd.stage() == null) {
            throw new Rejected.Invalid(ObjectFields.STAGE.name(), "validation.required");
        }
        if (cmd.stage() == TaskStage.COMPLETED && tasks.hasOpenSubtasks(taskId)) {
            throw new Rejected.WrongState(kind.openPartsError());
        }
        if (cmd.stage() != stage) {
            apply(kind.stageChanged(taskId, stage, cmd.stage()));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteTask cmd, MetaData metaData, TaskTree tasks) {
        if (Cascades.isPart(metaData) && !deleted) {
            apply(kind.deleted(taskId));
            return Versions.current();
        }
        Actor actor = Actor.fromMetaData(metaData);
        TaskAccess access = visibleTo(actor, tasks);
        Versions.require(cmd.expectedVersion());
        if (!access.canDelete(actor)) {
            throw new Rejected.Forbidden("error.task.delete-forbidden");
        }
        apply(kind.deleted(taskId));
        return Versions.current();
    }

    @CommandHandler
    public long handle(TransferTask cmd, MetaData metaData, UserDirectory users, TaskTree tasks) {
        Actor actor = Actor.fromMetaData(metaData);
        TaskAccess access = visibleTo(actor, tasks);
        Versions.require(cmd.expectedVersion());
        if (!access.canTransfer(actor)) {
            throw new Rejected.Forbidden("error.owner.transfer-forbidden");
        }
        String to = Input.clean(cmd.owner());
        if (to == null) {
            throw new Rejected.Invalid(ObjectFields.OWNER.name(), "validation.required");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        Input.users(ObjectFields.OWNER, List.of(to), users, errors);
        Input.throwIfAny(errors);
        if (!to.equals(owner)) {
            // the new owner of a part sees its containers: the same rule as naming anyone on it
            requireMayNameOnContainers(actor, List.of(to), tasks);
            apply(kind.ownerChanged(taskId, owner, to));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreTask cmd, MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), deleted);
        apply(kind.restored(taskId));
        return Versions.current();
    }

    /** The task's rules, if the actor may see it (possibly only through a related task); else 404. */
    private TaskAccess visibleTo(Actor actor, TaskTree tasks) {
        TaskAccess access = new TaskAccess(kind.kind(), owner, coOwner, responsible, subscribers);
        if (owner == null || deleted || !(access.canView(actor) || access.canView(actor, tasks.related(taskId)))) {
            throw new Rejected.NotFound(taskId);
        }
        return access;
    }

    /** The rules of the live containers (main task, project) of a task or project. */
    private static List<TaskAccess> containerRules(long id, TaskTree tasks) {
        return tasks.containers(id).stream().map(tasks::access).flatMap(java.util.Optional::stream).toList();
    }

    /** Refuses (403) when the actor may not put one of {@code named} on a part of each of this task's containers. */
    private void requireMayNameOnContainers(Actor actor, Collection<String> named, TaskTree tasks) {
        if (named.isEmpty()) {
            return;
        }
        for (long container : tasks.containers(taskId)) {
            TaskAccess rules = tasks.access(container).orElse(null);
            if (rules != null) {
                requireMayName(actor, container, rules, containerRules(container, tasks), named, tasks);
            }
        }
    }

    private static void requireMayName(Actor actor, long container, TaskAccess rules, List<TaskAccess> itsContainers,
                                       Collection<String> named, TaskTree tasks) {
        for (String user : named) {
            if (!rules.mayName(actor, itsContainers, user, u -> tasks.userMayView(u, container))) {
                throw new Rejected.Forbidden("error.task.name-forbidden", user, container);
            }
        }
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    static String join(List<String> items) {
        return items == null || items.isEmpty() ? null : String.join(", ", items);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(", "));
    }

    private static void add(List<FieldChange> changes, Field field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(field.change(from, to));
        }
    }

    @EventSourcingHandler
    void on(TaskCreated e) {
        created(e);
    }

    @EventSourcingHandler
    void on(ProjectCreated e) {
        created(e);
    }

    private void created(WorkCreated e) {
        kind = e.work();
        taskId = e.objectId();
        parent = e.parent();
        owner = e.owner();
        title = e.title();
        description = e.description();
        priority = e.priority();
        dueDate = e.dueDate();
        nextStep = e.nextStep();
        nextStepDate = e.nextStepDate();
        responsible = e.responsible();
        coOwner = e.coOwner();
        subscribers = e.subscribers();
        tags = e.tags();
        stage = TaskStage.PENDING;
    }

    @EventSourcingHandler
    void on(TaskChanged e) {
        changed(e.changes());
    }

    @EventSourcingHandler
    void on(ProjectChanged e) {
        changed(e.changes());
    }

    /** The declared fields a change event may carry, and how each sets this aggregate's state. */
    private static final Map<String, BiConsumer<TaskAggregate, String>> CHANGEABLE = Map.ofEntries(
            Map.entry(TaskKind.TITLE.name(), (t, v) -> t.title = v),
            Map.entry(TaskKind.DESCRIPTION.name(), (t, v) -> t.description = v),
            Map.entry(TaskKind.PRIORITY.name(), (t, v) -> t.priority = TaskPriority.valueOf(v.toUpperCase(Locale.ROOT))),
            Map.entry(TaskKind.DUE_DATE.name(), (t, v) -> t.dueDate = v),
            Map.entry(TaskKind.NEXT_STEP.name(), (t, v) -> t.nextStep = v),
            Map.entry(TaskKind.NEXT_STEP_DATE.name(), (t, v) -> t.nextStepDate = v),
            Map.entry(TaskKind.RESPONSIBLE.name(), (t, v) -> t.responsible = split(v)),
            Map.entry(TaskKind.CO_OWNER.name(), (t, v) -> t.coOwner = v),
            Map.entry(TaskKind.SUBSCRIBERS.name(), (t, v) -> t.subscribers = split(v)),
            Map.entry(TaskKind.TAGS.name(), (t, v) -> t.tags = split(v)));

    private void changed(List<FieldChange> changes) {
        for (FieldChange c : changes) {
            BiConsumer<TaskAggregate, String> field = CHANGEABLE.get(c.field());
            if (field == null) {
                throw new IllegalStateException("unknown task field in a stored event: " + c.field());
            }
            field.accept(this, c.to());
        }
    }

    @EventSourcingHandler
    void on(TaskStageChanged e) {
        stage = e.to();
    }

    @EventSourcingHandler
    void on(ProjectStageChanged e) {
        stage = e.to();
    }

    @EventSourcingHandler
    void on(TaskDeleted e) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(ProjectDeleted e) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(TaskOwnerChanged e) {
        owner = e.to();
    }

    @EventSourcingHandler
    void on(ProjectOwnerChanged e) {
        owner = e.to();
    }

    @EventSourcingHandler
    void on(TaskRestored e) {
        deleted = false;
    }

    @EventSourcingHandler
    void on(ProjectRestored e) {
        deleted = false;
    }
}
