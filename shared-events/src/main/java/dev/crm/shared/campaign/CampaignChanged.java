package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a campaign were edited, each from its old to its new value. */
public record CampaignChanged(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignChanged {
        changes = List.copyOf(changes);
    }
}
