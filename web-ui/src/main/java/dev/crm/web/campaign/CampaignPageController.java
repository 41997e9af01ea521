package dev.crm.web.campaign;

import dev.crm.app.campaign.CampaignService;
import dev.crm.command.Rejected;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.campaign.CampaignKind;
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

/** The campaign pages: list, show (with the test send), create and edit; the test send. */
@Controller
@HtmlPages
@RequestMapping("/campaigns")
class CampaignPageController extends FieldsPageController {

    private final CampaignService campaigns;
    private final Texts texts;

    CampaignPageController(FieldsPageParts parts, CampaignService campaigns, Texts texts) {
        super(CampaignKind.KIND, CampaignJson.class, parts);
        this.campaigns = campaigns;
        this.texts = texts;
    }

    @Override
    protected ListPage listPage() {
        return CampaignPages.LIST;
    }

    /** Its status and counts are set by its actions. */
    @Override
    protected Set<String> notOnForm() {
        Set<String> names = super.notOnForm();
        CampaignKind.SET_BY_ACTIONS.forEach(f -> names.add(f.name()));
        return names;
    }

    @Override
    protected void describe(Actor actor, FieldsView object, Model model) {
        model.addAttribute("testable", parts.service().allows(actor, object, Action.CHANGE));
    }

    @PostMapping("/{id}/test")
    String test(Actor actor, @PathVariable long id, @RequestParam(required = false) String to,
                RedirectAttributes redirect) {
        try {
            campaigns.sendTest(actor, id, to, link -> texts.text("campaign.unsubscribe.footer", link));
            texts.flash(redirect, "success", "flash.campaign.tested", to);
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/campaigns/" + id;
    }
}
