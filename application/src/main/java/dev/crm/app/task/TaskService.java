package dev.crm.app.task;

import dev.crm.command.task.TaskAggregate;

import dev.crm.app.kind.KindModel;


import dev.crm.command.Rejected;
import dev.crm.command.file.FileCommands.AttachFile;
import dev.crm.command.memo.MemoCommands.ReviewMemo;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.ChangeTaskStage;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.command.task.TaskCommands.DeleteTask;
import dev.crm.command.task.TaskCommands.TransferTask;
import dev.crm.query.file.FileQueries;
import dev.crm.query.file.FileView;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.task.TaskView;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.memo.MemoStage;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import dev.crm.app.Cascade;
import dev.crm.app.CommandSender;
import dev.crm.app.ObjectIds;
import dev.crm.app.file.FileService;
import dev.crm.app.object.DeletionPreview;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the API and the pages do with tasks and projects (one aggregate, see {@link WorkKind}); every
 * multi-object change is one transaction. Each method takes the kind the caller addressed, so a project
 * is not found under {@code /api/tasks} and the other way round.
 */
@Service
public class TaskService {

    private final CommandSender commands;
    private final ObjectIds ids;
    private final TaskQueries tasks;
    private final MemoQueries memos;
    private final FileQueries files;
    private final FileService fileService;
    private final ObjectIndex objects;
    private final TransactionTemplate tx;
    private final dev.crm.query.user.UserQueries users;
    private final dev.crm.query.department.DepartmentQueries departments;
    private final ObjectAccess access;
    private final KindModel kinds;

    TaskService(CommandSender commands, ObjectIds ids, TaskQueries tasks, MemoQueries memos, FileQueries files,
                FileService fileService, ObjectIndex objects, PlatformTransactionManager transactions,
                dev.crm.query.user.UserQueries users, dev.crm.query.department.DepartmentQueries departments,
                ObjectAccess access, KindModel kinds) {
        this.access = access;
        this.kinds = kinds;
        this.users = users;
        this.departments = departments;
        this.commands = commands;
        this.ids = ids;
        this.tasks = tasks;
        this.memos = memos;
        this.files = files;
        this.fileService = fileService;
        this.objects = objects;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Who completes a team task when its last subtask is done; the history names it. */
    static final Actor AUTOMATIC = Actor.of("system", Role.ADMIN);

    public TaskView create(Actor actor, CreateTask requested) {
        CreateTask fields = headCoOwner(actor, subtaskCoOwner(actor, requested));
        long id = ids.next();
        tx.executeWithoutResult(status -> {
            commands.send(withId(fields, id, fields.memo(), fields.subscribers()), actor);
            teamSubtasks(actor, id);
        });
        return read(id);
    }

    /**
     * As the reference product: a subtask's co-owner is, unless chosen, the main task's owner, who so
     * keeps the right to change it; a project's task gets the project's owner in the same way (rather than the
     * creator's department head, who would otherwise see the project through it without its holders' say).
     */
    private CreateTask subtaskCoOwner(Actor actor, CreateTask f) {
        Long container = f.parent() != null ? f.parent() : f.project();
        if (container == null || (f.coOwner() != null && !f.coOwner().isBlank())) {
            return f;
        }
        String mainOwner = tasks.findVisible(container, actor).map(TaskView::owner).orElse(null);
        if (mainOwner == null || actor.is(mainOwner)) {
            return f;
        }
        return f.withCoOwner(mainOwner);
    }

    /**
     * As the reference product: a task or project (not a subtask, nor a project's task) whose creator chose no
     * co-owner gets the head of the creator's department as co-owner, unless the creator is that head.
     */
    private CreateTask headCoOwner(Actor actor, CreateTask f) {
        if (f.parent() != null || f.project() != null || (f.coOwner() != null && !f.coOwner().isBlank())) {
            return f;
        }
        Long home = users.departments(actor.username()).stream().findFirst().orElse(null);
        String head = home == null ? null : departments.head(home)
                .filter(h -> !actor.is(h) && users.isActive(h) && users.departments(h).contains(home)).orElse(null);
        if (head == null) {
            return f;
        }
        return f.withCoOwner(head);
    }

    /**
     * A team task (several responsible users) gets a subtask for each of them, so that each marks their
     * own part done; the team task completes itself when the last of them is (see {@link #changeStage}).
     */
    private void teamSubtasks(Actor actor, long id) {
        TaskView task = read(id);
        if (task.kind() != WorkKind.TASK || task.responsible().size() < 2) {
            return;
        }
        for (String user : task.responsible()) {
            commands.send(new CreateTask(ids.next(), WorkKind.TASK, task.title(), task.description(), task.priority(),
                    task.dueDate(), task.nextStep(), task.nextStepDate(), List.of(user), null, List.of(), task.tags(),
                    id, null, null), actor);
        }
    }

    /**
     * A task (or project, by {@code fields.kind()}) from a memo: linked to it, the memo's author a subscriber, the chosen memo files copied as new
     * file objects of the task referring to the same content, and the memo reviewed (if it is not yet) —
     * all or nothing.
     */
    public TaskView createFromMemo(Actor actor, long memoId, CreateTask fields, List<Long> copyFiles) {
        return createFromMemo(actor, memoId, fields, copyFiles, null);
    }

    /**
     * As above; {@code expectedMemoVersion} (If-Match, may be null) is the memo's version the caller read: the memo
     * is reviewed by it, so another version answers 412 and nothing is made. Checked under the memo's lock, and
     * again by the memo itself when it is reviewed now.
     */
    public TaskView createFromMemo(Actor actor, long memoId, CreateTask fields, List<Long> copyFiles,
                                   Long expectedMemoVersion) {
        MemoView memo = memos.findVisible(memoId, actor).orElseThrow(() -> new Rejected.NotFound(memoId));
        List<FileView> toCopy = new ArrayList<>();
        for (Long fileId : copyFiles) {
            FileView file = files.find(fileId).filter(f -> f.attachedTo() == memoId && !f.deleted())
                    .orElseThrow(() -> new Rejected.Invalid("copyFiles", "validation.task.not-a-memo-file", fileId));
            toCopy.add(file);
        }
        long id = ids.next();
        LinkedHashSet<String> subscribers = new LinkedHashSet<>(fields.subscribers() == null ? List.of()
                : fields.subscribers());
        subscribers.add(memo.owner());
        tx.executeWithoutResult(status -> {
            objects.lock(memoId);
            if (expectedMemoVersion != null) {
                long actual = objects.find(memoId).map(ObjectSummary::version)
                        .orElseThrow(() -> new Rejected.NotFound(memoId));
                if (actual != expectedMemoVersion) {
                    throw new Rejected.StaleVersion(expectedMemoVersion, actual);
                }
            }
            commands.send(withId(headCoOwner(actor, fields), id, memoId, List.copyOf(subscribers)), actor);
            teamSubtasks(actor, id);
            for (FileView file : toCopy) {
                fileService.attach(actor, new AttachFile(ids.next(), id, file.sha256(), file.name(), file.size(),
                        file.mediaType()));
            }
            if (memo.stage() != MemoStage.REVIEWED) {
                commands.send(new ReviewMemo(memoId, expectedMemoVersion, null), actor);
            }
        });
        return read(id);
    }

    public TaskView change(Actor actor, WorkKind kind, long id, ChangeTask command) {
        commands.send(command, actor, expecting(kind));
        return read(id);
    }

    public TaskView changeStage(Actor actor, WorkKind kind, long id, Long expectedVersion, TaskStage stage) {
        tx.executeWithoutResult(status -> {
            commands.send(new ChangeTaskStage(id, expectedVersion, stage), actor, expecting(kind));
            TaskView task = read(id);
            if (task.stage() == TaskStage.COMPLETED && task.parent() != null) {
                tasks.find(task.parent())
                        .filter(team -> team.responsible().size() > 1 && !team.deleted() && !team.stage().closed())
                        .filter(team -> !tasks.hasOpenSubtasks(team.id()))
                        .ifPresent(team -> commands.send(new ChangeTaskStage(team.id(), null, TaskStage.COMPLETED),
                                AUTOMATIC));
            }
        });
        return read(id);
    }

    /**
     * Gives the task or project to another user. A project's transfer carries over to its tasks that the
     * previous owner owned (as a company's will to its contacts), all in one transaction.
     */
    public TaskView transfer(Actor actor, WorkKind kind, long id, Long expectedVersion, String owner) {
        TaskView before = visible(actor, kind, id);
        tx.executeWithoutResult(status -> {
            objects.lock(id);
            commands.send(new TransferTask(id, expectedVersion, owner), actor);
            if (kind == WorkKind.PROJECT) {
                for (TaskView task : tasks.subtasks(id)) {
                    if (task.owner().equals(before.owner())) {
                        commands.send(new TransferTask(task.id(), null, owner), actor);
                    }
                }
            }
        });
        return read(id);
    }

    /**
     * Deletes the task (its subtasks and theirs) or the project (its tasks and theirs) and all their file
     * objects, in one transaction; {@code expectedObjects} (may be null): how many objects its preview announced.
     */
    public void delete(Actor actor, WorkKind kind, long id, Long expectedVersion, Integer expectedObjects) {
        deletable(actor, kind, id);
        tx.executeWithoutResult(status -> {
            objects.lock(id);
            // the parts as they are under the lock, so nothing added meanwhile is left behind
            List<ObjectSummary> parts = parts(id);
            DeletionPreview.requireCount(expectedObjects, parts.size());
            Cascade cascade = Cascade.of(id);
            // deepest first: a subtask's files go while the subtask still allows changes, the task itself last
            for (int i = parts.size() - 1; i > 0; i--) {
                ObjectSummary part = parts.get(i);
                kinds.of(part.kind()).deleteAsPart(actor, part.id(), cascade);
            }
            commands.send(new DeleteTask(id, expectedVersion), actor, cascade.forRoot());
        });
    }

    /**
     * Exactly what deleting the task or project removes: it first, then its files, then each of its parts
     * (subtasks; a project's tasks) with their own; those the caller may not view only counted.
     */
    public DeletionPreview deletionPreview(Actor actor, WorkKind kind, long id) {
        // only to who may delete it: a preview says what a delete would take, not a way to look around
        deletable(actor, kind, id);
        return DeletionPreview.of(parts(id), actor, access);
    }

    private void deletable(Actor actor, WorkKind kind, long id) {
        if (!visible(actor, kind, id).access().canDelete(actor)) {
            throw new Rejected.Forbidden("error.task.delete-forbidden");
        }
    }

    /**
     * The active users the actor may put on a part of these containers (main task, project; IDs of live ones
     * the actor sees): everyone where the actor may reassign the container, else themself and who already
     * sees it ({@code TaskAccess#mayName}); {@code alreadyOn} (people on the part now) stay offered. For the
     * forms' choices; the aggregate decides.
     */
    public List<UserView> nameableUsers(Actor actor, List<Long> containerIds, java.util.Collection<String> alreadyOn) {
        List<UserView> offered = users.active();
        for (Long id : containerIds) {
            TaskView container = tasks.findVisible(id, actor).orElse(null);
            if (container == null || tasks.mayReassign(container, actor)) {
                continue;
            }
            List<TaskAccess> related = tasks.related(id);
            offered = offered.stream().filter(u -> actor.is(u.username()) || alreadyOn.contains(u.username())
                    || container.access().canView(u.actor(), related)).toList();
        }
        return offered;
    }

    private List<ObjectSummary> parts(long id) {
        java.util.Map<Long, ObjectSummary> parts = new java.util.LinkedHashMap<>();
        collect(id, parts);
        return new ArrayList<>(parts.values());
    }

    /** A task reached twice (a subtask in its main task's project) is listed, and deleted, once. */
    private void collect(long taskId, java.util.Map<Long, ObjectSummary> parts) {
        if (parts.containsKey(taskId)) {
            return;
        }
        objects.find(taskId).ifPresent(o -> parts.put(o.id(), o));
        for (FileView file : files.attachedTo(taskId)) {
            objects.find(file.id()).ifPresent(o -> parts.putIfAbsent(o.id(), o));
        }
        for (TaskView sub : tasks.subtasks(taskId)) {
            collect(sub.id(), parts);
        }
    }

    public TaskView visible(Actor actor, WorkKind kind, long id) {
        return tasks.findVisible(id, actor).filter(t -> t.kind() == kind)
                .orElseThrow(() -> new Rejected.NotFound(id));
    }

    /** A command for {@code kind}'s objects only: the aggregate answers not found to another kind's ID. */
    private static Map<String, ?> expecting(WorkKind kind) {
        return Map.of(TaskAggregate.EXPECTED_KIND, kind.name());
    }

    private TaskView read(long id) {
        return tasks.afterCommand(id)
                .orElseThrow(() -> new IllegalStateException("task " + id + " missing after its command"));
    }

    private static CreateTask withId(CreateTask f, long id, Long memo, List<String> subscribers) {
        return new CreateTask(id, f.kind(), f.title(), f.description(), f.priority(), f.dueDate(), f.nextStep(),
                f.nextStepDate(), f.responsible(), f.coOwner(), subscribers, f.tags(), f.parent(), f.project(), memo);
    }
}
