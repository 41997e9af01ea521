package dev.crm.shared.campaign;

import dev.crm.shared.kind.FieldsEvents;

public record CampaignDeleted(long campaignId) implements CampaignEvent, FieldsEvents.Deleted {
}
