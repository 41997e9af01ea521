package dev.crm.shared.campaign;

import dev.crm.shared.kind.FieldsEvents;

/** An administrator brought the deleted campaign back (with its files). */
public record CampaignRestored(long campaignId) implements CampaignEvent, FieldsEvents.Restored {
}
