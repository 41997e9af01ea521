package dev.crm.web.task;

import dev.crm.shared.task.TaskKind;

import dev.crm.app.task.TaskService;

import dev.crm.command.Rejected;
import dev.crm.command.task.TaskCommands.CreateTask;
import dev.crm.query.file.FileQueries;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.query.task.TaskView;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.task.WorkKind;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A task made from a memo: title, responsible users, due date and which of the memo's files to copy.
 * {@link TaskService#createFromMemo} decides whether the user may; this page only offers it.
 */
@Controller
@HtmlPages
@RequestMapping("/memos/{id}/{kind:task|project}")
class TaskFromMemoPageController {

    private final TaskService service;
    private final MemoQueries memos;
    private final FileQueries files;
    private final UserQueries users;
    private final Texts texts;

    TaskFromMemoPageController(TaskService service, MemoQueries memos, FileQueries files, UserQueries users,
                               Texts texts) {
        this.service = service;
        this.memos = memos;
        this.files = files;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping
    String form(Actor actor, @PathVariable long id, @PathVariable String kind, Model model) {
        MemoView memo = visible(actor, id);
        model.addAttribute("k", WorkKind.ofKind(kind).kind());
        model.addAttribute("kind", Kinds.of(WorkKind.ofKind(kind).kind()));
        TaskForm form = new TaskForm();
        form.setTitle(memo.title());
        form.getResponsible().add(actor.username());
        return form(model, memo, form, List.of(), Map.of());
    }

    @PostMapping
    String create(Actor actor, @PathVariable long id, @PathVariable String kind, @ModelAttribute("form") TaskForm form,
                  @RequestParam(name = "copyFiles", required = false) List<Long> copyFiles, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        MemoView memo = visible(actor, id);
        WorkKind workKind = WorkKind.ofKind(kind);
        model.addAttribute("k", workKind.kind());
        model.addAttribute("kind", Kinds.of(workKind.kind()));
        List<Long> copy = copyFiles == null ? List.of() : copyFiles;
        try {
            TaskView task = service.createFromMemo(actor, id, new CreateTask(0, workKind, form.getTitle(), null, null,
                    TaskForm.blankToNull(form.getDueDate()), null, null, form.getResponsible(), null, List.of(),
                    List.of(), null, null, null), copy);
            texts.flash(redirect, "success", "flash." + workKind.kind() + ".from-memo", task.id(), id);
            return "redirect:/" + workKind.path() + "/" + task.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(model, memo, form, copy, texts.errors(e));
        } catch (Rejected.WrongState | Rejected.StaleVersion | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
            return "redirect:/" + MemoKind.KIND.path() + "/" + id;
        }
    }

    private MemoView visible(Actor actor, long id) {
        MemoView memo = memos.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
        if (memo.draft()) {
            throw new Rejected.Forbidden("error.task.from-draft");
        }
        return memo;
    }

    private String form(Model model, MemoView memo, TaskForm form, List<Long> chosen, Map<String, String> errors) {
        model.addAttribute("memoKind", MemoKind.KIND);
        model.addAttribute(TaskKind.MEMO.name(), memo);
        model.addAttribute("form", form);
        model.addAttribute("chosen", new ArrayList<>(chosen));
        model.addAttribute("errors", errors);
        model.addAttribute("files", files.attachedTo(memo.id()));
        model.addAttribute("users", users.active());
        return "task/from-memo";
    }
}
