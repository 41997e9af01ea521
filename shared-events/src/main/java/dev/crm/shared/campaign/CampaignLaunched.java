package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The campaign was launched: its status to running, its total (the recipients, frozen now) and startedAt. */
public record CampaignLaunched(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignLaunched {
        changes = List.copyOf(changes);
    }
}
