package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The campaign was resumed: its status to running again, its reason and until cleared. */
public record CampaignResumed(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignResumed {
        changes = List.copyOf(changes);
    }
}
