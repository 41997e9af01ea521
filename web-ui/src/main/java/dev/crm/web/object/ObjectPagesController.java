package dev.crm.web.object;

import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages every kind with pages shares, on {@code /<path>/…} ({@code /memos/42/delete}): one template each,
 * driven by the kind's declaration; what differs between kinds comes from its {@link KindPages}.
 */
@Controller
@HtmlPages
@RequestMapping("/{path}")
class ObjectPagesController {

    private final List<KindPages> kinds;
    private final Texts texts;

    ObjectPagesController(List<KindPages> kinds, Texts texts) {
        this.kinds = List.copyOf(kinds);
        this.texts = texts;
    }

    // --- delete ---

    @GetMapping("/{id}/delete")
    String deleteConfirmation(Actor actor, @PathVariable String path, @PathVariable long id, Model model) {
        KindPages pages = pages(path);
        model.addAttribute("kind", pages.kind());
        model.addAttribute("object", pages.deletable(actor, id));
        model.addAttribute("preview", pages.deletionPreview(actor, id));
        return "object/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable String path, @PathVariable long id,
                  @RequestParam(required = false) Long version, @RequestParam(required = false) Integer objects,
                  RedirectAttributes redirect) {
        KindPages pages = pages(path);
        KindPages.Shown object = pages.visible(actor, id);
        try {
            pages.delete(actor, id, version, objects);
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
            return "redirect:/" + path + "/" + id;
        }
        texts.flash(redirect, "success", "flash." + pages.kind().name() + ".deleted", id, object.title());
        return "redirect:/" + path;
    }

    /** The pages of the kind at that path; 404 for a path no kind with pages has. */
    private KindPages pages(String path) {
        return kinds.stream().filter(k -> k.kind().pages() && k.kind().path().equals(path)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
