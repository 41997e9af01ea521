package dev.crm.shared.campaign;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to a campaign. */
public sealed interface CampaignEvent extends FieldsEvents.OfKind
        permits CampaignCreated, CampaignChanged, CampaignOwnerChanged, CampaignDeleted, CampaignRestored, CampaignTestSent,
        CampaignLaunched, CampaignPaused, CampaignResumed, CampaignCanceled, CampaignWaiting, CampaignDone,
        CampaignRecipientSent, CampaignRecipientFailed, CampaignRecipientSkipped {

    long campaignId();

    @Override
    default long objectId() {
        return campaignId();
    }

    @Override
    default Kind kind() {
        return CampaignKind.KIND;
    }
}
