package dev.crm.web.request;

import dev.crm.query.fields.FieldsView;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.request.RequestKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The request pages: list (pending, duplicate, case filters), show (its matched contact, lead, company and deal as
 * links, "verification required", Create deal), create and edit (its source among the lead sources; its contact, lead
 * and company among those the user may see; its deal is "create deal"'s).
 */
@Controller
@HtmlPages
@RequestMapping("/requests")
class RequestPageController extends FieldsPageController {

    private final ReferenceQueries references;

    RequestPageController(FieldsPageParts parts, ReferenceQueries references) {
        super(RequestKind.KIND, RequestJson.class, parts);
        this.references = references;
    }

    @Override
    protected ListPage listPage() {
        return RequestPages.LIST;
    }

    @Override
    protected List<Field> formReferences() {
        return List.of(RequestKind.SOURCE, RequestKind.CONTACT, RequestKind.LEAD, RequestKind.COMPANY);
    }

    @Override
    protected Map<Long, String> choices(Actor actor, Field field) {
        if (!RequestKind.SOURCE.equals(field)) {
            return super.choices(actor, field);
        }
        Map<Long, String> choices = new LinkedHashMap<>();
        for (ReferenceView source : references.all(ReferenceKind.LEAD_SOURCE)) {
            choices.put(source.id(), source.title());
        }
        return choices;
    }

    /** Who may change it makes its deal, unless it has one, or is a duplicate or a case. */
    @Override
    @SuppressWarnings("unchecked")
    protected void describe(Actor actor, FieldsView object, Model model) {
        Map<String, Boolean> can = (Map<String, Boolean>) model.getAttribute("can");
        can.put("deal", can.get("change") && object.get(RequestKind.DEAL) == null
                && !"true".equals(object.get(RequestKind.DUPLICATE)) && !"true".equals(object.get(RequestKind.CASE)));
    }
}
