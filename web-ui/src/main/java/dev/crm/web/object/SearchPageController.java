package dev.crm.web.object;

import dev.crm.app.object.ObjectSearch;

import dev.crm.app.object.ObjectAccess;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search bar: {@code ID42} opens object 42 when the user may see it; other text lists what matches, by kind. */
@Controller
@HtmlPages
class SearchPageController {

    private final ObjectSearch search;
    private final ObjectAccess access;

    SearchPageController(ObjectSearch search, ObjectAccess access) {
        this.search = search;
        this.access = access;
    }

    /** The hits of one kind; {@code kind.listPath}: its list, where the same text finds them all. */
    record Group(Kind kind, List<ObjectSearch.Hit> hits) {
    }

    @GetMapping("/search")
    String search(Actor actor, @RequestParam(defaultValue = "") String q, Model model) {
        OptionalLong id = ObjectSearch.idQuery(q);
        if (id.isPresent() && access.findVisible(id.getAsLong(), actor).isPresent()) {
            return "redirect:/objects/" + id.getAsLong();
        }
        model.addAttribute("searchQuery", q);
        List<ObjectSearch.Hit> hits = search.search(actor, q);
        model.addAttribute("hits", hits);
        // grouped by kind, in the kind model's order (the order the search asks the kinds in)
        Map<String, List<ObjectSearch.Hit>> groups = new LinkedHashMap<>();
        hits.forEach(h -> groups.computeIfAbsent(h.kind(), k -> new ArrayList<>()).add(h));
        model.addAttribute("groups", groups.entrySet().stream().map(g -> new Group(Kinds.of(g.getKey()), g.getValue()))
                .toList());
        return "object/search";
    }
}
