package dev.crm.web.object;

import dev.crm.command.Rejected;
import dev.crm.query.history.HistoryReader;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.Optional;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Any object by its ID ({@code /objects/42} opens its kind's page), and any object's history. Who may
 * see an object, deleted or not, is {@link ObjectAccess}'s one rule.
 */
@Controller
@HtmlPages
class HistoryPageController {

    private final ObjectAccess access;
    private final HistoryReader history;
    private final HistoryReferences references;

    HistoryPageController(ObjectAccess access, HistoryReader history, HistoryReferences references) {
        this.access = access;
        this.history = history;
        this.references = references;
    }

    @GetMapping("/objects/{id}")
    String object(Actor actor, @PathVariable long id) {
        ObjectSummary object = visible(actor, id);
        if (object.deleted()) {
            return "redirect:/objects/" + id + "/history";
        }
        return pagePath(object).map(path -> "redirect:" + path)
                .orElse("redirect:/objects/" + id + "/history");
    }

    @GetMapping("/objects/{id}/history")
    String history(Actor actor, @PathVariable long id, Model model) {
        ObjectSummary object = visible(actor, id);
        model.addAttribute("object", object);
        HistoryReader.Visible visible = history.history(id, actor);
        model.addAttribute("entries", visible.entries());
        model.addAttribute("draftLeftOut", visible.draftLeftOut());
        Kind kind = Kinds.named(object.kind()).orElse(null);
        model.addAttribute("kind", kind);
        model.addAttribute("references", references.titles(visible.entries(), kind, actor));
        model.addAttribute("objectLink", !object.deleted() && pagePath(object).isPresent());
        return "object/history";
    }

    /** The page of a kind with pages of its own ({@code /memos/42}). */
    private static Optional<String> pagePath(ObjectSummary object) {
        return Kinds.named(object.kind()).filter(Kind::pages).map(k -> "/" + k.path() + "/" + object.id());
    }

    private ObjectSummary visible(Actor actor, long id) {
        return access.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }
}
