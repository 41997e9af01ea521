package dev.crm.shared.campaign;

import dev.crm.shared.kind.FieldsEvents;

/** The campaign was given to another owner. */
public record CampaignOwnerChanged(long campaignId, String from, String to) implements CampaignEvent, FieldsEvents.Transferred {
}
