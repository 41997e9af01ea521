package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The campaign has no recipient left: its status to done and endedAt, its counts final. */
public record CampaignDone(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignDone {
        changes = List.copyOf(changes);
    }
}
