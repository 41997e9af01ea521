package dev.crm.web.object;

import dev.crm.app.object.ObjectAccess;
import dev.crm.command.Rejected;
import dev.crm.query.history.HistoryReader;
import dev.crm.query.history.ObjectStates;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import dev.crm.web.page.HtmlPages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Time travel on the history page: {@code /objects/{id}/history/state?version=n} is the history page with a panel
 * that shows the object's fields right after its n-th event beside their values now, the differing ones marked,
 * with links to the versions before and after. The links reload only the panel through htmx (the page's own
 * {@code #history-state} is picked from the answer), and work as plain links without it. The same view rules as
 * the history ({@link ObjectAccess}, {@link HistoryReader}).
 */
@Controller
@HtmlPages
class HistoryStatePageController {

    private final ObjectAccess access;
    private final HistoryReader history;
    private final HistoryReferences references;
    private final ObjectStates states;

    HistoryStatePageController(ObjectAccess access, HistoryReader history, HistoryReferences references,
                               ObjectStates states) {
        this.access = access;
        this.history = history;
        this.references = references;
        this.states = states;
    }

    /** One line of the panel: a field, its value then and now (as history carries them), and whether they differ. */
    record Row(String field, String then, String now, boolean differs) {
    }

    @GetMapping("/objects/{id}/history/state")
    String state(Actor actor, @PathVariable long id, @RequestParam long version, Model model) {
        ObjectSummary object = access.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
        ObjectStates.Around around = states.around(id, object.kind(), version, actor)
                .orElseThrow(() -> new Rejected.NotFound("error.state.none", id));
        HistoryReader.Visible visible = history.history(id, actor);
        Kind kind = Kinds.named(object.kind()).orElse(null);
        model.addAttribute("object", object);
        model.addAttribute("entries", visible.entries());
        model.addAttribute("draftLeftOut", visible.draftLeftOut());
        model.addAttribute("kind", kind);
        model.addAttribute("references", references.titles(visible.entries(), kind, actor));
        model.addAttribute("objectLink", !object.deleted() && kind != null && kind.pages());
        model.addAttribute("state", around);
        List<Row> rows = rows(around);
        model.addAttribute("rows", rows);
        model.addAttribute("differing", rows.stream().filter(Row::differs).count());
        return "object/history";
    }

    static List<Row> rows(ObjectStates.Around around) {
        Set<String> fields = new LinkedHashSet<>(around.now().texts().keySet());
        fields.addAll(around.then().texts().keySet());
        List<Row> rows = new ArrayList<>();
        for (String field : fields) {
            String then = around.then().texts().get(field);
            String now = around.now().texts().get(field);
            rows.add(new Row(field, then, now, !Objects.equals(then, now)));
        }
        return rows;
    }
}
