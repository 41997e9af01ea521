package dev.crm.web.campaign;

import dev.crm.app.fields.FieldsService;
import dev.crm.command.Rejected;
import dev.crm.query.fields.FieldsQueries;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.kind.Lines;
import dev.crm.web.fields.ListAction;
import dev.crm.web.page.Texts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Add to campaign" on the contact, lead and company lists (the kinds a campaign's recipients are of): the rows ticked,
 * or all that match the list's filters (at most {@link Limits#RECIPIENTS}), added to a draft campaign the user may
 * change, by a change of its recipients (checked as any change: visible objects, the limit).
 */
@Component
class CampaignListAction implements ListAction {

    /** How many draft campaigns the list offers to choose from. */
    static final int DRAFTS = 100;

    private final FieldsService objects;
    private final Texts texts;

    CampaignListAction(FieldsService objects, Texts texts) {
        this.objects = objects;
        this.texts = texts;
    }

    @Override
    public String name() {
        return CampaignKind.NAME;
    }

    @Override
    public String describe(Actor actor, Kind kind, MultiValueMap<String, String> filters, Model model) {
        if (recipients(kind).isEmpty()) {
            return null;
        }
        Map<Long, String> drafts = new LinkedHashMap<>();
        for (FieldsView c : objects.list(CampaignKind.KIND, actor, new FieldsQueries.Filter(null,
                Map.of(CampaignKind.STATUS, CampaignStatus.DRAFT.apiName()), null), FieldsQueries.LATEST, 0, DRAFTS)
                .items()) {
            if (objects.allows(actor, c, Action.CHANGE)) {
                drafts.put(c.id(), c.title());
            }
        }
        if (drafts.isEmpty()) {
            return null;
        }
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>(filters);
        kept.remove("page");
        model.addAttribute("draftCampaigns", drafts);
        model.addAttribute("listFilters", kept);
        model.addAttribute("recipientsLimit", Limits.RECIPIENTS);
        return "fragments/campaign :: add-recipients";
    }

    @Override
    public String apply(Actor actor, Kind kind, MultiValueMap<String, String> params, IntFunction<List<Long>> matching,
                        RedirectAttributes redirect) {
        Field field = recipients(kind).orElseThrow(() -> new Rejected.NotFound(0));
        Long campaign = number(params.getFirst("campaign"));
        if (campaign == null) {
            texts.flash(redirect, "warning", "campaign.add.choose");
            return "redirect:/" + kind.path();
        }
        List<Long> chosen;
        if (params.containsKey("all")) {
            chosen = matching.apply(Limits.RECIPIENTS + 1);
            if (chosen.size() > Limits.RECIPIENTS) {
                texts.flash(redirect, "warning", "campaign.add.too-many", Limits.RECIPIENTS);
                return "redirect:/" + kind.path();
            }
        } else {
            chosen = Optional.ofNullable(params.get("ids")).orElse(List.of()).stream().map(CampaignListAction::number)
                    .filter(java.util.Objects::nonNull).toList();
        }
        if (chosen.isEmpty()) {
            texts.flash(redirect, "warning", "campaign.add.none");
            return "redirect:/" + kind.path();
        }
        try {
            FieldsView draft = objects.allowed(CampaignKind.KIND, actor, campaign, Action.CHANGE);
            Set<Long> ids = new LinkedHashSet<>();
            Lines.decode(draft.get(field)).forEach(l -> ids.add(l.id()));
            int before = ids.size();
            ids.addAll(chosen);
            objects.change(CampaignKind.KIND, actor, campaign, null, Map.of(field.name(), new ArrayList<>(ids)));
            texts.flash(redirect, "success", "campaign.add.done", ids.size() - before, campaign);
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.Forbidden | Rejected.NotFound e) {
            texts.flashRejected(redirect, e);
            if (e instanceof Rejected.Invalid invalid) {
                redirect.addFlashAttribute("flash", texts.errors(invalid).values().stream().findFirst()
                        .orElse(texts.of(e)));
            }
            return "redirect:/" + kind.path();
        }
        return "redirect:/campaigns/" + campaign;
    }

    /** The campaign's recipients field of this kind, if a campaign takes its objects. */
    private static Optional<Field> recipients(Kind kind) {
        return CampaignKind.RECIPIENTS.stream().filter(f -> f.refers().name().equals(kind.name())).findFirst();
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
