package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** The campaign waits: its status to waiting, reason (the daily limit, business hours, the mail server unreachable) and until (when it tries again); its sender resumes by itself. */
public record CampaignWaiting(long campaignId, List<FieldChange> changes) implements CampaignEvent, FieldsEvents.Changed {

    public CampaignWaiting {
        changes = List.copyOf(changes);
    }
}
