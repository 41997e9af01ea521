package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The campaign was paused (by a user, or by its sender when the account's login was refused: reason): its status to paused. */
public record CampaignPaused(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignPaused {
        changes = List.copyOf(changes);
    }
}
