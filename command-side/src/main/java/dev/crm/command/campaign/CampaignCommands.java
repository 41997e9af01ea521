package dev.crm.command.campaign;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.campaign.CampaignKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The campaign commands, shaped as the company's. {@code fields} are its own fields by name ({@code CampaignKind}):
 * texts, the account's ID, each kind of recipients a list of IDs; in a change an absent field stays as it is and null
 * (or blank) clears it. {@link RecordTestSend} records a test message its service sent.
 */
public final class CampaignCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(CampaignKind.KIND, CreateCampaign::new,
            ChangeCampaign::new, TransferCampaign::new, null, DeleteCampaign::new, RestoreCampaign::new);

    private CampaignCommands() {
    }

    public record CreateCampaign(@TargetAggregateIdentifier long campaignId, Map<String, Object> fields) {
    }

    public record ChangeCampaign(@TargetAggregateIdentifier long campaignId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    public record TransferCampaign(@TargetAggregateIdentifier long campaignId, Long expectedVersion, String owner) {
    }

    public record DeleteCampaign(@TargetAggregateIdentifier long campaignId, Long expectedVersion) {
    }

    /** Records that one test message was sent to {@code to} (checked by the service that sent it). */
    public record RecordTestSend(@TargetAggregateIdentifier long campaignId, String to) {
    }

    /** (admin) Brings a deleted campaign back. */
    public record RestoreCampaign(@TargetAggregateIdentifier long campaignId) {
    }
}
