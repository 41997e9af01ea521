package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The campaign's message ({@code messageId}, when one was made) could not be delivered to the recipient, for
 * {@code reason} (an invalid address, the server's refusal, or an unknown outcome after a crash: never sent again);
 * {@code changes}: {@code failed} one more. The campaign goes on.
 */
public record CampaignRecipientFailed(long campaignId, String recipientKind, long recipientId, String address,
                                      String messageId, String reason, String at, List<FieldChange> changes)
        implements CampaignEvent, CampaignRecipientEvent, FieldsEvents.Changed {

    public CampaignRecipientFailed {
        changes = List.copyOf(changes);
    }
}
