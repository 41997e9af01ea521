package dev.crm.web.task;

import dev.crm.web.page.CsvExport;
import java.io.IOException;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.page.Sorting;

import dev.crm.query.Sort;

import dev.crm.shared.task.TaskKind;

import dev.crm.app.task.TaskService;

import dev.crm.command.Rejected;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.query.Page;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.task.TaskView;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.project.ProjectKind;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.shared.task.WorkKind;
import dev.crm.web.file.FilesPanel;
import dev.crm.web.page.DepartmentFilter;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Pager;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task and project pages ({@code /tasks/**}, {@code /projects/**}; one set of templates, the kind in
 * the model as {@code k}/{@code ks}). Every command goes through {@link TaskService}; whether a button
 * shows is decided by {@link TaskAccess}, the same rules the aggregate enforces.
 */
@Controller
@HtmlPages
@RequestMapping("/{kinds:tasks|projects}")
class TaskPageController {

    static final int PAGE_SIZE = 20;
    /** {@code ?due=today}: only open tasks due today (the home page's count). */
    public static final String DUE_TODAY = "today";

    private final TaskService service;
    private final TaskQueries tasks;
    private final MemoQueries memos;
    private final UserQueries users;
    private final Texts texts;
    private final Clock clock;
    private final FilesPanel filesPanel;
    private final DepartmentFilter departmentFilter;

    private final CsvExport csv;

    TaskPageController(TaskService service, TaskQueries tasks, MemoQueries memos,
                       UserQueries users, Texts texts, Clock clock, FilesPanel filesPanel,
                       DepartmentFilter departmentFilter, CsvExport csv) {
        this.csv = csv;
        this.departmentFilter = departmentFilter;
        this.filesPanel = filesPanel;
        this.service = service;
        this.tasks = tasks;
        this.memos = memos;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
    }

    /** The kind every page of this controller shows: {@code k} ("task"), {@code ks} ("tasks"). */
    @ModelAttribute
    void kind(@PathVariable String kinds, Model model) {
        WorkKind kind = WorkKind.ofPath(kinds);
        model.addAttribute("kind", Kinds.of(kind.kind()));
        model.addAttribute("k", kind.kind());
        model.addAttribute("ks", kind.path());
    }

    // --- list ---

    @GetMapping
    String list(Actor actor, @PathVariable String kinds, @RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(required = false) String due,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String sort, Model model, HttpServletRequest request) {
        TaskStage stageFilter = stage(stage);
        LocalDate today = dev.crm.web.page.Dates.today(clock);
        Sort order = Sort.of(sort, TaskQueries.SORTS, TaskQueries.LATEST);
        boolean dueToday = DUE_TODAY.equals(due);
        Page<TaskView> result = tasks.list(actor, WorkKind.ofPath(kinds), q, stageFilter, mine, overdue ? today : null,
                dueToday ? today : null, departmentFilter.of(actor, dept), order, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("sorting", Sorting.of(order, TaskQueries.SORTS, request));
        departmentFilter.describe(model, dept, result.items().stream().map(TaskView::department).toList());
        List<TaskView> items = result.items();
        model.addAttribute("result", result);
        model.addAttribute("list", WorkPages.LIST);
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("items", items);
        model.addAttribute("overdueIds", items.stream().filter(t -> overdue(t, today)).map(TaskView::id)
                .collect(Collectors.toSet()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(ObjectFields.STAGE.name(), stageFilter == null ? "" : stageFilter.apiName());
        model.addAttribute("mine", mine);
        model.addAttribute("overdue", overdue);
        model.addAttribute("dueToday", dueToday);
        model.addAttribute("stages", Arrays.stream(TaskStage.values()).map(TaskStage::apiName).toList());
        model.addAttribute("exportLink", CsvExport.link(request));
        return "object/list";
    }

    /** The list as CSV, with the list's filters and order (the list page's Export CSV). */
    @GetMapping("/export")
    void export(Actor actor, @PathVariable String kinds, @RequestParam(required = false) String q,
                @RequestParam(required = false) String stage, @RequestParam(defaultValue = "false") boolean mine,
                @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String due,
                @RequestParam(defaultValue = "false") boolean dept,
                @RequestParam(required = false) String sort, HttpServletResponse response) throws IOException {
        TaskStage stageFilter = stage(stage);
        LocalDate today = dev.crm.web.page.Dates.today(clock);
        LocalDate before = overdue ? today : null;
        LocalDate dueOn = DUE_TODAY.equals(due) ? today : null;
        Sort order = Sort.of(sort, TaskQueries.SORTS, TaskQueries.LATEST);
        List<Long> departments = departmentFilter.of(actor, dept);
        WorkKind kind = WorkKind.ofPath(kinds);
        boolean project = kind == WorkKind.PROJECT;
        csv.write(response, kinds, project ? TaskJson.Work.class : TaskJson.class, page -> tasks.list(actor, kind, q,
                stageFilter, mine, before, dueOn, departments, order, page, CsvExport.PAGE).items().stream()
                .map(t -> project ? (Object) TaskJson.Work.of(t) : TaskJson.of(t)).toList());
    }

    // --- create ---

    @GetMapping("/new")
    String newForm(Actor actor, @PathVariable String kinds, @RequestParam(required = false) Long parent,
                   @RequestParam(required = false) Long project, Model model) {
        WorkKind kind = WorkKind.ofPath(kinds);
        TaskForm form = new TaskForm();
        form.getResponsible().add(actor.username());
        if (kind == WorkKind.TASK && parent != null) {
            requireMayAddPart(actor, service.visible(actor, WorkKind.TASK, parent)); // 404 for one the user may not see
            form.setParent(parent);
        }
        if (kind == WorkKind.TASK && project != null) {
            requireMayAddPart(actor, service.visible(actor, WorkKind.PROJECT, project));
            form.setProject(project);
        }
        return form(model, form, Map.of(), null, actor);
    }

    /** Adding a subtask, or a task to a project, is changing it: the aggregate's rule, asked before the form. */
    private void requireMayAddPart(Actor actor, TaskView container) {
        if (!tasks.mayChange(container, actor)) {
            throw new Rejected.Forbidden("error.task.add-part-forbidden", container.id());
        }
    }

    @PostMapping("/new")
    String create(Actor actor, @PathVariable String kinds, @ModelAttribute("form") TaskForm form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        WorkKind kind = WorkKind.ofPath(kinds);
        try {
            TaskPriority priority = priority(form.getPriority());
            TaskView task = service.create(actor, new CreateTask(0, kind, form.getTitle(),
                    TaskForm.blankToNull(form.getDescription()), priority, TaskForm.blankToNull(form.getDueDate()),
                    TaskForm.blankToNull(form.getNextStep()), TaskForm.blankToNull(form.getNextStepDate()),
                    form.getResponsible(), TaskForm.blankToNull(form.getCoOwner()), form.getSubscribers(),
                    form.tagList(), form.getParent(), form.getProject(), null));
            texts.flash(redirect, "success", "flash." + kind.kind() + ".created", task.id());
            return "redirect:/" + kinds + "/" + task.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, texts.errors(e), null, actor);
        }
    }

    // --- one task ---

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable String kinds, @PathVariable long id, Model model) {
        WorkKind kind = WorkKind.ofPath(kinds);
        TaskView task = service.visible(actor, kind, id);
        TaskAccess access = task.access();
        boolean change = tasks.mayChange(task, actor);
        model.addAttribute("task", task);
        // adding a part is changing the task: the same answer shows the edit and the add buttons
        model.addAttribute("can", Map.of("change", change, "delete", access.canDelete(actor),
                "complete", change && !task.stage().closed(), "transfer", access.canTransfer(actor),
                "subtask", change && kind == WorkKind.TASK, "projectTask", change && kind == WorkKind.PROJECT));
        if (access.canTransfer(actor)) {
            model.addAttribute("users", users.active()); // the transfer form's choices
        }
        model.addAttribute("overdue", overdue(task, dev.crm.web.page.Dates.today(clock)));
        model.addAttribute("parentTask", task.parent() == null ? null
                : tasks.findVisible(task.parent(), actor).orElse(null));
        model.addAttribute("projectOf", task.project() == null ? null
                : tasks.findVisible(task.project(), actor).orElse(null));
        model.addAttribute("projectPath", ProjectKind.KIND.path());
        model.addAttribute("memoPath", MemoKind.KIND.path());
        model.addAttribute("memoField", TaskKind.MEMO.name());
        model.addAttribute(TaskKind.MEMO.name(), task.memo() == null ? null : memos.findVisible(task.memo(), actor).orElse(null));
        model.addAttribute("subtasks", tasks.subtasks(id).stream().filter(t -> tasks.mayView(t, actor)).toList());
        filesPanel.describe(model, id);
        model.addAttribute("family", WorkPages.LIST.family());
        return "task/show";
    }

    // --- edit ---

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable String kinds, @PathVariable long id, Model model) {
        TaskView task = changeable(actor, WorkKind.ofPath(kinds), id);
        return form(model, TaskForm.of(task), Map.of(), task, actor);
    }

    @PostMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable String kinds, @PathVariable long id, @ModelAttribute("form") TaskForm form,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        WorkKind kind = WorkKind.ofPath(kinds);
        TaskView current = changeable(actor, kind, id);
        TaskStage stage = stage(form.getStage());
        try {
            TaskView task = service.change(actor, kind, id, new ChangeTask(id, form.getVersion(), form.getTitle(),
                    orEmpty(form.getDescription()), priority(form.getPriority()), orEmpty(form.getDueDate()),
                    orEmpty(form.getNextStep()), orEmpty(form.getNextStepDate()), form.getResponsible(),
                    orEmpty(form.getCoOwner()), form.getSubscribers(), form.tagList()));
            if (stage != null && stage != task.stage()) {
                try {
                    service.changeStage(actor, kind, id, task.version(), stage);
                } catch (Rejected.WrongState | Rejected.StaleVersion e) {
                    texts.flashRejected(redirect, e);
                    return "redirect:/" + kinds + "/" + id;
                }
            }
            texts.flash(redirect, "success", "flash." + kind.kind() + ".changed", id);
            return "redirect:/" + kinds + "/" + id;
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, texts.errors(e), current, actor);
        } catch (Rejected.StaleVersion e) {
            // Someone changed it meanwhile: show what it is now, keep what the user typed beside it.
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            TaskView now = service.visible(actor, kind, id);
            model.addAttribute("stale", texts.text(kind.kind() + ".form.stale"));
            model.addAttribute("yours", form);
            return form(model, TaskForm.of(now), Map.of(), now, actor);
        }
    }

    // --- complete ---

    @PostMapping("/{id}/complete")
    String complete(Actor actor, @PathVariable String kinds, @PathVariable long id,
                    @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        WorkKind kind = WorkKind.ofPath(kinds);
        service.visible(actor, kind, id);
        try {
            service.changeStage(actor, kind, id, version, TaskStage.COMPLETED);
            texts.flash(redirect, "success", "flash." + kind.kind() + ".completed", id);
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/" + kinds + "/" + id;
    }

    // --- owner ---

    @PostMapping("/{id}/owner")
    String transfer(Actor actor, @PathVariable String kinds, @PathVariable long id,
                    @RequestParam(required = false) Long version, @RequestParam(required = false) String owner,
                    RedirectAttributes redirect) {
        WorkKind kind = WorkKind.ofPath(kinds);
        service.visible(actor, kind, id);
        try {
            TaskView task = service.transfer(actor, kind, id, version, owner);
            texts.flash(redirect, "success", "flash.task.transferred", id, task.owner());
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/" + kinds + "/" + id;
    }

    // --- helpers ---

    static boolean overdue(TaskView task, LocalDate today) {
        if (task.dueDate() == null || task.stage().closed()) {
            return false;
        }
        try {
            return LocalDate.parse(task.dueDate()).isBefore(today);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private TaskView changeable(Actor actor, WorkKind kind, long id) {
        TaskView task = service.visible(actor, kind, id);
        if (!tasks.mayChange(task, actor)) {
            throw new Rejected.Forbidden("error.task.change-forbidden");
        }
        return task;
    }

    private String form(Model model, TaskForm form, Map<String, String> errors, TaskView task, Actor actor) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("task", task);
        // on a part, only the people the user may put on it are offered (the aggregate refuses the others)
        List<Long> containers = task != null ? tasks.containers(task.id()).stream().map(TaskView::id).toList()
                : java.util.stream.Stream.of(form.getParent(), form.getProject()).filter(java.util.Objects::nonNull)
                .toList();
        java.util.Set<String> on = new java.util.HashSet<>();
        if (task != null) {
            on.addAll(task.responsible());
            on.addAll(task.subscribers());
            if (task.coOwner() != null) {
                on.add(task.coOwner());
            }
        }
        model.addAttribute("users", containers.isEmpty() ? users.active()
                : service.nameableUsers(actor, containers, on));
        model.addAttribute("priorities", Arrays.stream(TaskPriority.values()).map(TaskPriority::apiName).toList());
        model.addAttribute("stages", Arrays.stream(TaskStage.values()).map(TaskStage::apiName).toList());
        return "task/form";
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static TaskPriority priority(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(TaskPriority.values()).filter(p -> p.apiName().equals(name.strip())).findFirst()
                .orElseThrow(() -> new Rejected.Invalid("priority", "validation.one-of", "low, middle, high"));
    }

    static TaskStage stage(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(TaskStage.values()).filter(s -> s.apiName().equals(name.strip())).findFirst()
                .orElse(null);
    }

}
