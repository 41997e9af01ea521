package dev.crm.web.request;

import dev.crm.app.request.RequestDeals;
import dev.crm.command.Rejected;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.deal.DealKind;
import dev.crm.web.page.Texts;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
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
    private final RequestDeals deals;
    private final Texts texts;

    RequestPageController(FieldsPageParts parts, ReferenceQueries references, RequestDeals deals, Texts texts) {
        super(RequestKind.KIND, RequestJson.class, parts);
        this.references = references;
        this.deals = deals;
        this.texts = texts;
    }

    /** Create deal: to the new deal's page; refused (409), back to the request with the reason. */
    @PostMapping("/{id}/deal")
    String createDeal(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        try {
            FieldsView deal = deals.createDeal(actor, id);
            texts.flash(redirect, "success", "flash.request.deal", id, deal.id());
            return "redirect:/" + DealKind.KIND.path() + "/" + deal.id();
        } catch (Rejected.WrongState | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
            return "redirect:/" + kind.path() + "/" + id;
        }
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
        can.put("makeDeal", can.get("change") && object.get(RequestKind.DEAL) == null
                && !"true".equals(object.get(RequestKind.DUPLICATE)) && !"true".equals(object.get(RequestKind.CASE)));
    }
}
