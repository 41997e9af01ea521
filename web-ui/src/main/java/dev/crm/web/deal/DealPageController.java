package dev.crm.web.deal;

import dev.crm.app.deal.DealService;
import dev.crm.command.Rejected;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.product.ProductKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The deal pages: list, show (with its stage timeline and the Close button), edit; closing. */
@Controller
@HtmlPages
@RequestMapping("/deals")
class DealPageController extends FieldsPageController {

    private final DealService deals;
    private final Texts texts;

    DealPageController(FieldsPageParts parts, DealService deals, Texts texts) {
        super(DealKind.KIND, DealJson.class, parts);
        this.deals = deals;
        this.texts = texts;
    }

    @Override
    protected ListPage listPage() {
        return DealPages.LIST;
    }

    @Override
    protected Set<String> notOnForm() {
        Set<String> names = super.notOnForm();
        names.add(DealKind.CLOSING_REASON.name());
        return names;
    }

    @Override
    protected void describe(Actor actor, FieldsView object, Model model) {
        model.addAttribute("timeline", deals.timeline(actor, object.id()));
        boolean open = object.get(DealKind.CLOSED_AT) == null;
        model.addAttribute("closable", open && parts.service().allows(actor, object, Action.CHANGE));
        model.addAttribute("closingReasons", deals.closingReasons());
        notePrices(model);
    }

    /** Beside each product line whose product (visible) has a price: the price × the quantity = the amount. */
    @SuppressWarnings("unchecked")
    private void notePrices(Model model) {
        Object row = model.getAttribute("object");
        if (!(row instanceof java.util.Map<?, ?> shown)
                || !(shown.get(DealKind.PRODUCTS.name()) instanceof java.util.List<?> lines)) {
            return;
        }
        for (Object item : lines) {
            java.util.Map<String, Object> line = (java.util.Map<String, Object>) item;
            if (line.get("object") instanceof FieldsView product && product.get(ProductKind.PRICE) != null) {
                java.math.BigDecimal price = new java.math.BigDecimal(product.get(ProductKind.PRICE));
                java.math.BigDecimal amount = price.multiply(java.math.BigDecimal.valueOf((Integer) line.get("quantity")));
                line.put("note", texts.text("object.lines.amount", money(price), line.get("quantity"), money(amount), java.util.Objects.requireNonNullElse(product.get(ProductKind.CURRENCY), "")));
            }
        }
    }

    /** An amount as the deal pages show one: two decimals. */
    private static String money(java.math.BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @PostMapping("/{id}/close")
    String close(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                 @RequestParam(required = false) Long closingReason, RedirectAttributes redirect) {
        try {
            deals.close(actor, id, version, closingReason);
            texts.flash(redirect, "success", "flash.deal.closed", id);
        } catch (Rejected.Invalid | Rejected.StaleVersion | Rejected.WrongState | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/deals/" + id;
    }
}
