package dev.crm.web.lead;

import dev.crm.app.lead.LeadConversion;
import dev.crm.command.Rejected;
import dev.crm.query.fields.FieldsView;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.Field;
import dev.crm.shared.lead.LeadKind;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.web.fields.FieldsPageController;
import dev.crm.web.fields.FieldsPageParts;
import dev.crm.web.object.ListPage;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead pages: list, show (with Convert, or once converted its company and contact), create and edit (its source
 * chosen among the lead sources; its company and contact are the conversion's), and the conversion's confirmation.
 */
@Controller
@HtmlPages
@RequestMapping("/leads")
class LeadPageController extends FieldsPageController {

    private final ReferenceQueries references;
    private final LeadConversion conversion;
    private final Texts texts;

    LeadPageController(FieldsPageParts parts, ReferenceQueries references, LeadConversion conversion, Texts texts) {
        super(LeadKind.KIND, LeadJson.class, parts);
        this.references = references;
        this.conversion = conversion;
        this.texts = texts;
    }

    @Override
    protected ListPage listPage() {
        return LeadPages.LIST;
    }

    @Override
    protected List<Field> formReferences() {
        return List.of(LeadKind.SOURCE);
    }

    @Override
    protected Map<Long, String> choices(Actor actor, Field field) {
        Map<Long, String> choices = new LinkedHashMap<>();
        for (ReferenceView source : references.all(ReferenceKind.LEAD_SOURCE)) {
            choices.put(source.id(), source.title());
        }
        return choices;
    }

    /** A converted lead is closed: no edit, no transfer; who may change it and add companies and contacts converts it. */
    @Override
    @SuppressWarnings("unchecked")
    protected void describe(Actor actor, FieldsView object, Model model) {
        boolean converted = object.get(LeadKind.CONTACT) != null;
        Map<String, Boolean> can = (Map<String, Boolean>) model.getAttribute("can");
        boolean change = can.get("change");
        can.put("change", change && !converted);
        can.put("convert", change && !converted && Permissions.allows(actor, CompanyKind.NAME, Action.ADD)
                && Permissions.allows(actor, ContactKind.NAME, Action.ADD));
    }

    /** The conversion's confirmation: which company it takes (or makes, or why it cannot), and the contact it makes. */
    @GetMapping("/{id}/convert")
    String convertForm(Actor actor, @PathVariable long id, Model model) {
        LeadConversion.Preview preview = conversion.preview(actor, id);
        model.addAttribute("kind", kind);
        model.addAttribute("object", parts.row(actor, preview.lead()));
        model.addAttribute("matches", preview.matches().stream().map(c -> parts.row(actor, c)).toList());
        model.addAttribute("newCompany", preview.newCompany());
        model.addAttribute("newContact", preview.newContact());
        model.addAttribute("foundContact", preview.contact() == null ? null : parts.row(actor, preview.contact()));
        model.addAttribute("ambiguous", preview.ambiguous());
        return "lead/convert";
    }

    @PostMapping("/{id}/convert")
    String convert(Actor actor, @PathVariable long id, @RequestParam(required = false) Long version,
                   RedirectAttributes redirect) {
        try {
            LeadConversion.Converted converted = conversion.convert(actor, id, version);
            texts.flash(redirect, "success", converted.companyCreated() ? "flash.lead.converted.new"
                    : converted.contactCreated() ? "flash.lead.converted" : "flash.lead.converted.existing", id,
                    converted.contact(), converted.company());
            return "redirect:/" + ContactKind.KIND.path() + "/" + converted.contact();
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
            return "redirect:/" + kind.path() + "/" + id;
        }
    }
}
