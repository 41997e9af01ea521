package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The campaign left the recipient out, for {@code reason} (unsubscribed, a disqualified lead, no address, deleted);
 * {@code changes}: {@code skipped} one more.
 */
public record CampaignRecipientSkipped(long campaignId, String recipientKind, long recipientId, String address,
                                       String reason, String at, List<FieldChange> changes)
        implements CampaignEvent, CampaignRecipientEvent, FieldsEvents.Changed {

    public CampaignRecipientSkipped {
        changes = List.copyOf(changes);
    }
}
