package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The mail server took the campaign's message ({@code messageId}, its Message-ID) for the recipient; {@code changes}:
 * {@code sent} one more (and its status back to running when it was waiting).
 */
public record CampaignRecipientSent(long campaignId, String recipientKind, long recipientId, String address,
                                    String messageId, String at, List<FieldChange> changes)
        implements CampaignEvent, CampaignRecipientEvent, FieldsEvents.Changed {

    public CampaignRecipientSent {
        changes = List.copyOf(changes);
    }
}
