package dev.crm.web.object;

import dev.crm.app.object.RestoreService;

import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.object.DeletedObjects;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * (admin) Deleted objects: each delete's object with what was deleted with it, who deleted it and when, a
 * link to each history, and Restore, which brings back exactly what the row lists.
 */
@Controller
@HtmlPages
class DeletedObjectsPageController {

    static final int PAGE_SIZE = 25;

    private final DeletedObjects deleted;
    private final RestoreService restore;
    private final Texts texts;

    DeletedObjectsPageController(DeletedObjects deleted, RestoreService restore, Texts texts) {
        this.deleted = deleted;
        this.restore = restore;
        this.texts = texts;
    }

    @GetMapping("/admin/deleted")
    String list(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        requireAdmin(actor);
        Page<DeletedObjects.Root> result = deleted.roots(page, PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("items", result.items());
        return "admin/deleted";
    }

    @PostMapping("/admin/deleted/{id}/restore")
    String restore(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        requireAdmin(actor);
        RestoreService.Outcome outcome;
        try {
            outcome = restore.restore(actor, id);
        } catch (Rejected.WrongState e) {
            texts.flashRejected(redirect, e);
            return "redirect:/admin/deleted";
        }
        if (outcome.missingContent().isEmpty()) {
            texts.flash(redirect, "success", "deleted.flash.restored", id, outcome.restored().size());
        } else {
            texts.flash(redirect, "warning", "deleted.flash.restored-without", id, outcome.restored().size(),
                    outcome.missingContent().stream().map(ObjectSummary::title).collect(Collectors.joining(", ")));
        }
        // back to the list: the restored object may be one the admin may not open (a draft is its author's)
        return "redirect:/admin/deleted";
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
    }
}
