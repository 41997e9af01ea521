package dev.crm.shared.campaign;

import dev.crm.shared.kind.FieldsEvents;
import java.util.Map;

/**
 * A campaign was added. {@code fields} holds its own fields' values by name ({@code CampaignKind}: the account's ID, the
 * recipients as canonical ID lists, the status "draft", the counts "0"), only those that have one; the creator owns it, in their
 * department (or none).
 */
public record CampaignCreated(long campaignId, Map<String, String> fields, String owner, Long department)
        implements CampaignEvent, FieldsEvents.Created {

    public CampaignCreated {
        fields = FieldsEvents.present(fields);
    }
}
