package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The campaign was canceled: its status to canceled and endedAt; nothing more is sent. */
public record CampaignCanceled(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignCanceled {
        changes = List.copyOf(changes);
    }
}
