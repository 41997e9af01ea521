package dev.crm.command.task;

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
 * types, see {@link WorkKind}). Rules: {@link TaskAccess} (who sees and changes it), {@link TaskInput} (fields), and its
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
        String newTitle = TaskInput.clean(cmd.title());
        TaskInput.title(newTitle, errors);
        String newDescription = TaskInput.clean(cmd.description());
        TaskInput.text("description", newDescription, TaskInput.TEXT_MAX, errors);
        String newNextStep = TaskInput.clean(cmd.nextStep());
        TaskInput.text("nextStep", newNextStep, TaskInput.TITLE_MAX, errors);
        String due = TaskInput.clean(cmd.dueDate());
        TaskInput.date("dueDate", due, errors);
        String nextDate = TaskInput.clean(cmd.nextStepDate());
        TaskInput.date("nextStepDate", nextDate, errors);
        List<String> newResponsible = TaskInput.users("responsible", orEmpty(cmd.responsible()), users, errors);
        String newCoOwner = TaskInput.clean(cmd.coOwner());
        if (newCoOwner != null) {
            TaskInput.users("coOwner", List.of(newCoOwner), users, errors);
        }
        List<String> newSubscribers = TaskInput.users("subscribers", orEmpty(cmd.subscribers()), users, errors);
        List<String> newTags = TaskInput.tags(orEmpty(cmd.tags()), errors);
        WorkKind newKind = cmd.kind() == null ? WorkKind.TASK : cmd.kind();
        if (cmd.parent() != null && (newKind == WorkKind.PROJECT
                || !(tasks.isLive(cmd.parent(), WorkKind.TASK) && objects.canView(actor, cmd.parent())))) {
            errors.add(TaskInput.error("parent", "validation.task.unknown-parent", cmd.parent()));
        }
        if (cmd.project() != null && (newKind == WorkKind.PROJECT
                || !(tasks.isLive(cmd.project(), WorkKind.PROJECT) && objects.canView(actor, cmd.project())))) {
            errors.add(TaskInput.error("project", "validation.task.unknown-project", cmd.project()));
        }
        if (cmd.parent() != null && newResponsible.size() > 1) {
            // as the reference product: a subtask is one person's part (a team task gets one per person)
            errors.add(TaskInput.error("responsible", "validation.task.subtask-one-responsible"));
        }
        TaskInput.throwIfAny(errors);
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
        if (newKind == WorkKind.PROJECT) {
            apply(new ProjectCreated(cmd.taskId(), newTitle, newDescription, newPriority, due, newNextStep, nextDate,
                    people, newCoOwner, newSubscribers, newTags, cmd.memo(), actor.username(),
                    users.homeDepartment(actor.username())));
        } else {
            apply(new TaskCreated(cmd.taskId(), newTitle, newDescription, newPriority, due, newNextStep, nextDate,
                    people, newCoOwner, newSubscribers, newTags, cmd.parent(), cmd.memo(), actor.username(),
                    cmd.project(), users.homeDepartment(actor.username())));
        }
    }

    @CommandHandler
    public long handle(ChangeTask cmd, MetaData metaData, UserDirectory users, TaskTree tasks) {
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
            String t = TaskInput.clean(cmd.title());
            TaskInput.title(t, errors);
            add(changes, "title", title, t);
        }
        if (cmd.description() != null) {
            String d = TaskInput.clean(cmd.description());
            TaskInput.text("description", d, TaskInput.TEXT_MAX, errors);
            add(changes, "description", description, d);
        }
        if (cmd.priority() != null) {
            add(changes, "priority", priority.apiName(), cmd.priority().apiName());
        }
        if (cmd.dueDate() != null) {
            String d = TaskInput.clean(cmd.dueDate());
            TaskInput.date("dueDate", d, errors);
            add(changes, "dueDate", dueDate, d);
        }
        if (cmd.nextStep() != null) {
            String n = TaskInput.clean(cmd.nextStep());
            TaskInput.text("nextStep", n, TaskInput.TITLE_MAX, errors);
            add(changes, "nextStep", nextStep, n);
        }
        if (cmd.nextStepDate() != null) {
            String d = TaskInput.clean(cmd.nextStepDate());
            TaskInput.date("nextStepDate", d, errors);
            add(changes, "nextStepDate", nextStepDate, d);
        }
        if (cmd.responsible() != null) {
            List<String> r = TaskInput.users("responsible", cmd.responsible(), users, errors);
            if (r.isEmpty()) {
                errors.add(TaskInput.error("responsible", "validation.required"));
            }
            if (parent != null && r.size() > 1) {
                errors.add(TaskInput.error("responsible", "validation.task.subtask-one-responsible"));
            }
            add(changes, "responsible", join(responsible), join(r));
            r.stream().filter(u -> !responsible.contains(u)).forEach(named::add);
        }
        if (cmd.coOwner() != null) {
            String c = TaskInput.clean(cmd.coOwner());
            if (c != null) {
                TaskInput.users("coOwner", List.of(c), users, errors);
            }
            add(changes, "coOwner", coOwner, c);
            if (c != null && !c.equals(coOwner)) {
                named.add(c);
            }
        }
        if (cmd.subscribers() != null) {
            List<String> s = TaskInput.users("subscribers", cmd.subscribers(), users, errors);
            add(changes, "subscribers", join(subscribers), join(s));
            s.stream().filter(u -> !subscribers.contains(u)).forEach(named::add);
        }
        if (cmd.tags() != null) {
            add(changes, "tags", join(tags), join(TaskInput.tags(cmd.tags(), errors)));
        }
        TaskInput.throwIfAny(errors);
        if (!access.canReassign(actor, containers)
                && changes.stream().anyMatch(c -> c.field().equals("responsible") || c.field().equals("coOwner"))) {
            // a sole responsible user changes the task, not who is responsible for it or who co-owns it
            throw new Rejected.Forbidden("error.task.reassign-forbidden");
        }
        requireMayNameOnContainers(actor, named, tasks);
        if (!changes.isEmpty()) {
            apply(kind == WorkKind.PROJECT ? new ProjectChanged(taskId, changes) : new TaskChanged(taskId, changes));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(ChangeTaskStage cmd, MetaData metaData, TaskTree tasks) {
        Actor actor = Actor.fromMetaData(metaData);
        TaskAccess access = visibleTo(actor, tasks);
        Versions.require(cmd.expectedVersion());
        if (!access.canChange(actor, containerRules(taskId, tasks))) {
            throw new Rejected.Forbidden("error.task.change-forbidden");
        }
        if (cmd.stage() == null) {
            throw new Rejected.Invalid("stage", "validation.required");
        }
        if (cmd.stage() == TaskStage.COMPLETED && tasks.hasOpenSubtasks(taskId)) {
            throw new Rejected.WrongState(kind == WorkKind.PROJECT ? "error.project.open-tasks"
                    : "error.task.open-subtasks");
        }
        if (cmd.stage() != stage) {
            apply(kind == WorkKind.PROJECT ? new ProjectStageChanged(taskId, stage, cmd.stage())
                    : new TaskStageChanged(taskId, stage, cmd.stage()));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(DeleteTask cmd, MetaData metaData, TaskTree tasks) {
        if (Cascades.isPart(metaData) && !deleted) {
            apply(kind == WorkKind.PROJECT ? new ProjectDeleted(taskId) : new TaskDeleted(taskId));
            return Versions.current();
        }
        Actor actor = Actor.fromMetaData(metaData);
        TaskAccess access = visibleTo(actor, tasks);
        Versions.require(cmd.expectedVersion());
        if (!access.canDelete(actor)) {
            throw new Rejected.Forbidden("error.task.delete-forbidden");
        }
        apply(kind == WorkKind.PROJECT ? new ProjectDeleted(taskId) : new TaskDeleted(taskId));
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
        String to = TaskInput.clean(cmd.owner());
        if (to == null) {
            throw new Rejected.Invalid("owner", "validation.required");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        TaskInput.users("owner", List.of(to), users, errors);
        TaskInput.throwIfAny(errors);
        if (!to.equals(owner)) {
            // the new owner of a part sees its containers: the same rule as naming anyone on it
            requireMayNameOnContainers(actor, List.of(to), tasks);
            apply(kind == WorkKind.PROJECT ? new ProjectOwnerChanged(taskId, owner, to)
                    : new TaskOwnerChanged(taskId, owner, to));
        }
        return Versions.current();
    }

    @CommandHandler
    public long handle(RestoreTask cmd, MetaData metaData) {
        Restoring.require(Actor.fromMetaData(metaData), deleted);
        apply(kind == WorkKind.PROJECT ? new ProjectRestored(taskId) : new TaskRestored(taskId));
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

    private static void add(List<FieldChange> changes, String field, String from, String to) {
        if (!Objects.equals(from, to)) {
            changes.add(FieldChange.of(field, from, to));
        }
    }

    @EventSourcingHandler
    void on(TaskCreated e) {
        parent = e.parent();
        created(WorkKind.TASK, e.taskId(), e.owner(), e.title(), e.description(), e.priority(), e.dueDate(),
                e.nextStep(), e.nextStepDate(), e.responsible(), e.coOwner(), e.subscribers(), e.tags());
    }

    @EventSourcingHandler
    void on(ProjectCreated e) {
        created(WorkKind.PROJECT, e.projectId(), e.owner(), e.title(), e.description(), e.priority(), e.dueDate(),
                e.nextStep(), e.nextStepDate(), e.responsible(), e.coOwner(), e.subscribers(), e.tags());
    }

    private void created(WorkKind newKind, long id, String newOwner, String newTitle, String newDescription,
                         TaskPriority newPriority, String newDueDate, String newNextStep, String newNextStepDate,
                         List<String> newResponsible, String newCoOwner, List<String> newSubscribers,
                         List<String> newTags) {
        kind = newKind;
        taskId = id;
        owner = newOwner;
        title = newTitle;
        description = newDescription;
        priority = newPriority;
        dueDate = newDueDate;
        nextStep = newNextStep;
        nextStepDate = newNextStepDate;
        responsible = newResponsible;
        coOwner = newCoOwner;
        subscribers = newSubscribers;
        tags = newTags;
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

    private void changed(List<FieldChange> changes) {
        for (FieldChange c : changes) {
            switch (c.field()) {
                case "title" -> title = c.to();
                case "description" -> description = c.to();
                case "priority" -> priority = TaskPriority.valueOf(c.to().toUpperCase(java.util.Locale.ROOT));
                case "dueDate" -> dueDate = c.to();
                case "nextStep" -> nextStep = c.to();
                case "nextStepDate" -> nextStepDate = c.to();
                case "responsible" -> responsible = split(c.to());
                case "coOwner" -> coOwner = c.to();
                case "subscribers" -> subscribers = split(c.to());
                case "tags" -> tags = split(c.to());
                default -> throw new IllegalStateException("unknown task field in a stored event: " + c.field());
            }
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
