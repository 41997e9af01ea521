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
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.shared.kind.Field;
import dev.crm.shared.reference.ReferenceKind;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final ReferenceQueries references;

    CampaignPageController(FieldsPageParts parts, CampaignService campaigns, Texts texts, ReferenceQueries references) {
        super(CampaignKind.KIND, CampaignJson.class, parts);
        this.campaigns = campaigns;
        this.texts = texts;
        this.references = references;
    }

    /** Its account: one of the live mail accounts meant for campaigns, by name. */
    @Override
    protected Map<Long, String> choices(Actor actor, Field field) {
        if (!CampaignKind.ACCOUNT.equals(field)) {
            return super.choices(actor, field);
        }
        Map<Long, String> choices = new LinkedHashMap<>();
        for (ReferenceView account : references.all(ReferenceKind.MAIL_ACCOUNT)) {
            if (account.flag(ReferenceKind.Fields.MASSMAIL.name())) {
                choices.put(account.id(), account.title());
            }
        }
        return choices;
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

    /**
     * Who may change it tests a draft, and launches, pauses, resumes or cancels it as its status allows; a launched one
     * keeps its texts and recipients (its form changes its name alone); its report lists the recipients that failed or were skipped (the first {@value #REPORTED}).
     */
    @Override
    protected void describe(Actor actor, FieldsView object, Model model) {
        boolean change = parts.service().allows(actor, object, Action.CHANGE);
        CampaignStatus status = CampaignStatus.of(object.get(CampaignKind.STATUS));
        model.addAttribute("testable", change && status == CampaignStatus.DRAFT);
        Map<String, Boolean> steps = new LinkedHashMap<>();
        steps.put("launch", change && status == CampaignStatus.DRAFT);
        steps.put("pause", change && status.sending());
        steps.put("resume", change && status == CampaignStatus.PAUSED);
        steps.put("cancel", change && (status.sending() || status == CampaignStatus.PAUSED));
        model.addAttribute("steps", steps);
        model.addAttribute("progress", Progress.of(object));
        if (status != CampaignStatus.DRAFT) {
            CampaignService.Deliveries failed = campaigns.deliveries(actor, object.id(), "failed", 0, REPORTED);
            CampaignService.Deliveries skipped = campaigns.deliveries(actor, object.id(), "skipped", 0, REPORTED);
            java.util.List<CampaignService.Delivery> problems = new java.util.ArrayList<>(failed.items());
            problems.addAll(skipped.items());
            model.addAttribute("problems", problems);
            model.addAttribute("problemsMore", Math.max(0, failed.total() + skipped.total() - problems.size()));
        }
    }

    /** Its status, counts and times as its page shows them. */
    record Progress(String status, String reason, java.time.Instant until, java.time.Instant startedAt,
                    java.time.Instant endedAt, int total, int sent, int failed, int skipped, int left, int handled,
                    int percent) {

        static Progress of(FieldsView c) {
            int sent = count(c.get(CampaignKind.SENT));
            int failed = count(c.get(CampaignKind.FAILED));
            int skipped = count(c.get(CampaignKind.SKIPPED));
            int total = c.get(CampaignKind.TOTAL) != null ? count(c.get(CampaignKind.TOTAL))
                    : CampaignKind.RECIPIENTS.stream().mapToInt(f -> dev.crm.shared.kind.Lines.decode(c.get(f)).size())
                    .sum();
            int handled = Math.min(total, sent + failed + skipped);
            return new Progress(c.get(CampaignKind.STATUS), c.get(CampaignKind.REASON), time(c.get(CampaignKind.UNTIL)),
                    time(c.get(CampaignKind.STARTED_AT)), time(c.get(CampaignKind.ENDED_AT)), total, sent, failed,
                    skipped, total - handled, handled, total > 0 ? 100 * handled / total : 0);
        }

        private static int count(String value) {
            return value == null ? 0 : new java.math.BigDecimal(value).intValue();
        }

        private static java.time.Instant time(String value) {
            return value == null ? null : java.time.Instant.parse(value);
        }
    }

    /** How many failed and skipped recipients of each its page lists. */
    static final int REPORTED = 100;

    @PostMapping("/{id}/{step:launch|pause|resume|cancel}")
    String step(Actor actor, @PathVariable long id, @PathVariable String step, RedirectAttributes redirect) {
        try {
            campaigns.step(actor, id, CampaignService.Step.valueOf(step.toUpperCase(java.util.Locale.ROOT)));
            texts.flash(redirect, "success", "flash.campaign." + step, id);
        } catch (Rejected.WrongState | Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/campaigns/" + id;
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
