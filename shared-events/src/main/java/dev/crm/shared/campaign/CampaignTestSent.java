package dev.crm.shared.campaign;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * One test message of the campaign was sent to {@code to} at {@code at} (an ISO-8601 instant,
 * {@code 2026-12-01T10:15:30Z}); it changes none of its fields, and shows in its history.
 */
public record CampaignTestSent(long campaignId, String to, String at) implements CampaignEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
