package dev.crm.web.object;

import dev.crm.app.object.ObjectSearch;

import dev.crm.app.object.ObjectAccess;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import java.util.OptionalLong;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search bar: {@code ID42} opens object 42 when the user may see it; other text lists what matches. */
@Controller
@HtmlPages
class SearchPageController {

    private final ObjectSearch search;
    private final ObjectAccess access;

    SearchPageController(ObjectSearch search, ObjectAccess access) {
        this.search = search;
        this.access = access;
    }

    @GetMapping("/search")
    String search(Actor actor, @RequestParam(defaultValue = "") String q, Model model) {
        OptionalLong id = ObjectSearch.idQuery(q);
        if (id.isPresent() && access.findVisible(id.getAsLong(), actor).isPresent()) {
            return "redirect:/objects/" + id.getAsLong();
        }
        model.addAttribute("searchQuery", q);
        model.addAttribute("hits", search.search(actor, q));
        return "object/search";
    }
}
