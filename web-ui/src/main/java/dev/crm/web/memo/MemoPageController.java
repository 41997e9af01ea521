package dev.crm.web.memo;

import dev.crm.web.page.CsvExport;
import java.io.IOException;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.page.Sorting;

import dev.crm.query.Sort;

import dev.crm.app.memo.MemoService;

import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.query.task.TaskQueries;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoKind;
import dev.crm.shared.memo.MemoStage;
import dev.crm.web.file.FilesPanel;
import dev.crm.web.page.DepartmentFilter;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Pager;
import dev.crm.web.page.Texts;
import java.util.Arrays;
import java.util.Locale;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The memo pages. Every command goes through {@link MemoService}; whether a button shows is decided by
 * {@link MemoAccess}, the same rules the aggregate enforces.
 */
@Controller
@HtmlPages
@RequestMapping("/memos")
class MemoPageController {

    static final int PAGE_SIZE = 20;

    private final MemoService service;
    private final MemoQueries memos;
    private final UserQueries users;
    private final Texts texts;
    private final FilesPanel filesPanel;
    private final TaskQueries tasks;
    private final DepartmentFilter departmentFilter;

    private final CsvExport csv;
    private final MemoDealLinks deals;

    MemoPageController(MemoService service, MemoQueries memos, UserQueries users, Texts texts, FilesPanel filesPanel,
                       TaskQueries tasks, DepartmentFilter departmentFilter, CsvExport csv, MemoDealLinks deals) {
        this.deals = deals;
        this.csv = csv;
        this.departmentFilter = departmentFilter;
        this.tasks = tasks;
        this.service = service;
        this.memos = memos;
        this.users = users;
        this.texts = texts;
        this.filesPanel = filesPanel;
    }

    // --- list ---

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(defaultValue = "0") int page,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Long deal,
                @RequestParam(defaultValue = "false") boolean review, Model model, HttpServletRequest request) {
        MemoStage stageFilter = stage(stage);
        Sort order = Sort.of(sort, MemoQueries.SORTS, MemoQueries.LATEST);
        Page<MemoView> result = memos.list(actor, q, stageFilter, departmentFilter.of(actor, dept), deal, review, order,
                Math.max(0, page), PAGE_SIZE);
        model.addAttribute("review", review);
        // a deal's memos (its page's "All its memos"): the filter stays with the list's other filters
        model.addAttribute("filters", deal == null ? Map.of() : Map.of(MemoKind.DEAL.name(), deal));
        model.addAttribute("sorting", Sorting.of(order, MemoQueries.SORTS, request));
        departmentFilter.describe(model, dept, result.items().stream().map(MemoView::department).toList());
        model.addAttribute("kind", MemoKind.KIND);
        model.addAttribute("list", MemoPages.LIST);
        model.addAttribute("result", result);
        model.addAttribute("pager", Pager.of(result, request));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(ObjectFields.STAGE.name(), stageFilter == null ? "" : stageFilter.apiName());
        model.addAttribute("stages", Arrays.stream(MemoStage.values()).map(MemoStage::apiName).toList());
        model.addAttribute("exportLink", CsvExport.link(request));
        return "object/list";
    }

    /** The list as CSV, with the list's filters and order (the list page's Export CSV). */
    @GetMapping("/export")
    void export(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String stage,
                @RequestParam(defaultValue = "false") boolean dept, @RequestParam(required = false) String sort,
                @RequestParam(required = false) Long deal, @RequestParam(defaultValue = "false") boolean review,
                HttpServletResponse response) throws IOException {
        MemoStage stageFilter = stage(stage);
        Sort order = Sort.of(sort, MemoQueries.SORTS, MemoQueries.LATEST);
        java.util.List<Long> departments = departmentFilter.of(actor, dept);
        csv.write(response, MemoKind.KIND.path(), MemoJson.class, page -> memos.list(actor, q, stageFilter, departments,
                deal, review, order, page, CsvExport.PAGE).items().stream().map(MemoJson::of).toList());
    }

    // --- create ---

    /** {@code deal}: a new memo of that deal (from its page), when the actor may see it. */
    @GetMapping("/new")
    String newForm(Actor actor, @RequestParam(required = false) Long deal, Model model) {
        MemoForm form = new MemoForm();
        if (deal != null && deals.visible(actor, deal) != null) {
            form.setDeal(deal);
        }
        return form(actor, model, form, Map.of(), null);
    }

    @PostMapping("/new")
    String create(Actor actor, @ModelAttribute("form") MemoForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            MemoView memo = service.create(actor, form.getTitle(), form.getDescription(), form.getTo(),
                    form.isDraft(), form.getDeal());
            texts.flash(redirect, "success", memo.draft() ? "flash.memo.drafted" : "flash.memo.created", memo.id());
            return "redirect:/memos/" + memo.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, model, form, texts.errors(e), null);
        }
    }

    // --- one memo ---

    @GetMapping("/{id}")
    String show(Actor actor, @PathVariable long id, Model model) {
        MemoView memo = service.visible(actor, id);
        model.addAttribute("kind", MemoKind.KIND);
        model.addAttribute("memo", memo);
        model.addAttribute("can", can(memo.access(), actor));
        filesPanel.describe(model, id);
        model.addAttribute("family", MemoPages.LIST.family());
        model.addAttribute("tasks", tasks.fromMemo(id).stream().filter(t -> tasks.mayView(t, actor)).toList());
        model.addAttribute("dealField", MemoKind.DEAL);
        model.addAttribute("onDeal", memo.deal() == null ? null : deals.visible(actor, memo.deal()));
        return "memo/show";
    }

    // --- edit ---

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable long id, Model model) {
        MemoView memo = changeable(actor, id);
        return form(actor, model, MemoForm.of(memo), Map.of(), memo);
    }

    @PostMapping("/{id}/edit")
    String edit(Actor actor, @PathVariable long id, @ModelAttribute("form") MemoForm form, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        MemoView current = changeable(actor, id);
        Boolean draft = current.draft() && form.isSend() ? Boolean.FALSE : null;
        try {
            MemoView memo = service.change(actor, id, form.getVersion(), form.getTitle(),
                    form.getDescription() == null ? "" : form.getDescription(), form.getTo() == null ? "" : form.getTo(),
                    draft);
            texts.flash(redirect, "success", draft == Boolean.FALSE ? "flash.memo.sent" : "flash.memo.changed",
                    memo.id());
            return "redirect:/memos/" + memo.id();
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(actor, model, form, texts.errors(e), current);
        } catch (Rejected.StaleVersion e) {
            // Someone changed it meanwhile: show what it is now, keep what the user typed beside it.
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            MemoView now = service.visible(actor, id);
            model.addAttribute("stale", texts.text("memo.form.stale"));
            model.addAttribute("yours", form);
            return form(actor, model, MemoForm.of(now), Map.of(), now);
        }
    }

    // --- review, postpone ---

    @GetMapping("/{id}/review")
    String reviewForm(Actor actor, @PathVariable long id, Model model, RedirectAttributes redirect) {
        MemoView memo = service.visible(actor, id);
        String refused = reviewRefused(memo, actor, redirect);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("kind", MemoKind.KIND);
        model.addAttribute("memo", memo);
        model.addAttribute("conclusion", memo.conclusion() == null ? "" : memo.conclusion());
        model.addAttribute("errors", Map.of());
        return "memo/review";
    }

    @PostMapping("/{id}/review")
    String review(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                  @RequestParam(defaultValue = "") String conclusion, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            service.review(actor, id, version, conclusion);
            texts.flash(redirect, "success", "flash.memo.reviewed", id);
        } catch (Rejected.Invalid e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("kind", MemoKind.KIND);
            model.addAttribute("memo", service.visible(actor, id));
            model.addAttribute("conclusion", conclusion);
            model.addAttribute("errors", texts.errors(e));
            return "memo/review";
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/memos/" + id;
    }

    @PostMapping("/{id}/postpone")
    String postpone(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                    RedirectAttributes redirect) {
        try {
            service.postpone(actor, id, version);
            texts.flash(redirect, "success", "flash.memo.postponed", id);
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/memos/" + id;
    }

    // --- helpers ---

    private MemoView changeable(Actor actor, long id) {
        MemoView memo = service.visible(actor, id);
        if (!memo.access().canChange(actor)) {
            throw MemoPages.forbidden(memo, actor, "error.memo.change-forbidden");
        }
        return memo;
    }

    /** Null when the actor may review the memo now; else where to send them. */
    private String reviewRefused(MemoView memo, Actor actor, RedirectAttributes redirect) {
        MemoAccess access = memo.access();
        if (access.canReview(actor)) {
            return null;
        }
        if (access.mayReview(actor)) {
            texts.flashRejected(redirect, new Rejected.WrongState("error.memo.already-reviewed"));
            return "redirect:/memos/" + memo.id();
        }
        if (memo.draft()) {
            throw new Rejected.Forbidden("error.memo.draft-not-sent");
        }
        throw new Rejected.Forbidden("error.memo.review-forbidden");
    }

    /** The form; a memo's deal is shown, not chosen: given by its page on a new memo, kept as it is by an edit. */
    private String form(Actor actor, Model model, MemoForm form, Map<String, String> errors, MemoView memo) {
        Long deal = memo == null ? form.getDeal() : memo.deal();
        model.addAttribute("dealField", MemoKind.DEAL);
        model.addAttribute("onDeal", deal == null ? null : java.util.Objects.requireNonNullElse(deals.visible(actor, deal),
                Map.of("id", deal)));
        model.addAttribute("kind", MemoKind.KIND);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("memo", memo);
        model.addAttribute("users", users.active());
        return "memo/form";
    }

    static Map<String, Boolean> can(MemoAccess access, Actor actor) {
        return Map.of("change", access.canChange(actor), "delete", access.canDelete(actor),
                "review", access.canReview(actor), "postpone", access.canPostpone(actor));
    }

    private static MemoStage stage(String stage) {
        if (stage == null || stage.isBlank()) {
            return null;
        }
        try {
            return MemoStage.valueOf(stage.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
