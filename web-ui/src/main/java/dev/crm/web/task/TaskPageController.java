package dev.crm.web.task;

import dev.crm.command.Rejected;
import dev.crm.command.task.TaskCommands.ChangeTask;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.query.Page;
import dev.crm.query.file.FileQueries;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.task.TaskView;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.task.TaskAccess;
import dev.crm.shared.task.TaskPriority;
import dev.crm.shared.task.TaskStage;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
 * The task pages. Every command goes through {@link TaskService}; whether a button shows is decided by
 * {@link TaskAccess}, the same rules the aggregate enforces.
 */
@Controller
@HtmlPages
@RequestMapping("/tasks")
class TaskPageController {

    static final int PAGE_SIZE = 20;

    private final TaskService service;
    private final TaskQueries tasks;
    private final MemoQueries memos;
    private final FileQueries files;
    private final UserQueries users;
    private final Texts texts;
    private final Clock clock;

    TaskPageController(TaskService service, TaskQueries tasks, MemoQueries memos, FileQueries files,
                       UserQueries users, Texts texts, Clock clock) {
        this.service = service;
        this.tasks = tasks;
        this.memos = memos;
        this.files = files;
        this.users = users;
        this.texts = texts;
        this.clock = clock;
    }

    // --- list ---

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                @RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "false") boolean overdue,
                @RequestParam(defaultValue = "0") int page, Model model) {
        TaskStage stageFilter = stage(stage);
        LocalDate today = LocalDate.now(clock);
        Page<TaskView> result = tasks.list(actor, q, stageFilter, mine, overdue ? today : null, Math.max(0, page),
                PAGE_SIZE);
        List<TaskView> items = result.items();
        model.addAttribute("result", result);
        model.addAttribute("items", items);
        model.addAttribute("overdueIds", items.stream().filter(t -> overdue(t, today)).map(TaskView::id)
                .collect(Collectors.toSet()));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("stage", stageFilter == null ? "" : stageFilter.apiName());
        model.addAttribute("mine", mine);
        model.addAttribute("overdue", overdue);
        model.addAttribute("stages", Arrays.stream(TaskStage.values()).map(TaskStage::apiName).toList());
        return "task/list";
    }

    // --- create ---

    @GetMapping("/new")
    String newForm(Actor actor, @RequestParam(required = false) Long parent, Model model) {
        TaskForm form = new TaskForm();
        form.getResponsible().add(actor.username());
        if (parent != null) {
            service.visible(actor, parent); // 404 for a main task the user may not see
            form.setParent(parent);
        }
        return form(model, form, Map.of(), null);
    }

    @PostMapping("/new")
    String create(Actor actor, @ModelAttribute("form") TaskForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            TaskPriority priority = priority(form.getPriority());
            TaskView task = service.create(actor, new CreateTask(0, form.getTitle(),
                    TaskForm.blankToNull(form.getDescription()), priority, TaskForm.blankToNull(form.getDueDate()),
                    TaskForm.blankToNull(form.getNextStep()), TaskForm.blankToNull(form.getNextStepDate()),
                    form.getResponsible(), TaskForm.blankToNull(form.getCoOwner()), form.getSubscribers(),
                    form.tagList(), form.getParent(), null));
            texts.flash(redirect, "success", "flash.task.created", task.id());
            return "redirect:/tasks/" + task.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, errors(e), null);
        }
    }

    // --- one task ---

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        TaskView task = service.visible(actor, id);
        TaskAccess access = task.access();
        model.addAttribute("task", task);
        model.addAttribute("can", Map.of("change", access.canChange(actor), "delete", access.canDelete(actor),
                "complete", access.canChange(actor) && !task.stage().closed()));
        model.addAttribute("overdue", overdue(task, LocalDate.now(clock)));
        model.addAttribute("parentTask", task.parent() == null ? null
                : tasks.findVisible(task.parent(), actor).orElse(null));
        model.addAttribute("memo", task.memo() == null ? null : memos.findVisible(task.memo(), actor).orElse(null));
        model.addAttribute("subtasks", tasks.subtasks(id).stream().filter(t -> tasks.mayView(t, actor)).toList());
        model.addAttribute("files", files.attachedTo(id));
        return "task/show";
    }

    // --- edit ---

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        TaskView task = changeable(actor, id);
        return form(model, TaskForm.of(task), Map.of(), task);
    }

    @PostMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute("form") TaskForm form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        TaskView current = changeable(actor, id);
        TaskStage stage = stage(form.getStage());
        try {
            TaskView task = service.change(actor, id, new ChangeTask(id, form.getVersion(), form.getTitle(),
                    orEmpty(form.getDescription()), priority(form.getPriority()), orEmpty(form.getDueDate()),
                    orEmpty(form.getNextStep()), orEmpty(form.getNextStepDate()), form.getResponsible(),
                    orEmpty(form.getCoOwner()), form.getSubscribers(), form.tagList()));
            if (stage != null && stage != task.stage()) {
                try {
                    service.changeStage(actor, id, task.version(), stage);
                } catch (Rejected.WrongState | Rejected.StaleVersion e) {
                    texts.flashRejected(redirect, e);
                    return "redirect:/tasks/" + id;
                }
            }
            texts.flash(redirect, "success", "flash.task.changed", id);
            return "redirect:/tasks/" + id;
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, form, errors(e), current);
        } catch (Rejected.StaleVersion e) {
            // Someone changed it meanwhile: show what it is now, keep what the user typed beside it.
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            TaskView now = service.visible(actor, id);
            model.addAttribute("stale", texts.text("task.form.stale"));
            model.addAttribute("yours", form);
            return form(model, TaskForm.of(now), Map.of(), now);
        }
    }

    // --- complete ---

    @PostMapping("/{id}/complete")
    String complete(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                    RedirectAttributes redirect) {
        service.visible(actor, id);
        try {
            service.changeStage(actor, id, version, TaskStage.COMPLETED);
            texts.flash(redirect, "success", "flash.task.completed", id);
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/tasks/" + id;
    }

    // --- delete ---

    @GetMapping("/{id}/delete")
    String deleteConfirmation(Actor actor, @PathVariable long id, Model model) {
        TaskView task = service.visible(actor, id);
        if (!task.access().canDelete(actor)) {
            throw new Rejected.Forbidden("error.task.delete-forbidden");
        }
        model.addAttribute("task", task);
        model.addAttribute("objects", service.deletionPreview(actor, id));
        return "task/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                  RedirectAttributes redirect) {
        TaskView task = service.visible(actor, id);
        try {
            service.delete(actor, id, version);
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
            return "redirect:/tasks/" + id;
        }
        texts.flash(redirect, "success", "flash.task.deleted", id, task.title());
        return "redirect:/tasks";
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

    private TaskView changeable(Actor actor, long id) {
        TaskView task = service.visible(actor, id);
        if (!task.access().canChange(actor)) {
            throw new Rejected.Forbidden("error.task.change-forbidden");
        }
        return task;
    }

    private String form(Model model, TaskForm form, Map<String, String> errors, TaskView task) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("task", task);
        model.addAttribute("users", users.active());
        model.addAttribute("priorities", Arrays.stream(TaskPriority.values()).map(TaskPriority::apiName).toList());
        model.addAttribute("stages", Arrays.stream(TaskStage.values()).map(TaskStage::apiName).toList());
        return "task/form";
    }

    Map<String, String> errors(Rejected.Invalid e) {
        return errors(texts, e);
    }

    static Map<String, String> errors(Texts texts, Rejected.Invalid e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Rejected.FieldError f : e.errors()) {
            errors.merge(f.field(), texts.text(f.code(), f.args()), (a, b) -> a + " " + b);
        }
        return errors;
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
