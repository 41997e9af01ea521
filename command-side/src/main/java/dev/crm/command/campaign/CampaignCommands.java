package dev.crm.command.campaign;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.campaign.CampaignKind;
import java.time.Instant;
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

    /** Starts sending it (who may change it): its recipients and texts are frozen from now on. */
    public record LaunchCampaign(@TargetAggregateIdentifier long campaignId) {
    }

    /**
     * Stops sending it until it is resumed: by a user who may change it ({@code reason} null), or by its sender
     * ({@code reason}: why, such as a refused login).
     */
    public record PauseCampaign(@TargetAggregateIdentifier long campaignId, String reason) {
    }

    public record ResumeCampaign(@TargetAggregateIdentifier long campaignId) {
    }

    /** Ends it: nothing more is sent. */
    public record CancelCampaign(@TargetAggregateIdentifier long campaignId) {
    }

    /** (its sender) It waits until {@code until} for {@code reason}; its sender goes on by itself. */
    public record RecordCampaignWaiting(@TargetAggregateIdentifier long campaignId, String reason, Instant until) {
    }

    /** (its sender) What happened to one recipient: sent, failed (reason) or skipped (reason). */
    public record RecordRecipient(@TargetAggregateIdentifier long campaignId, Outcome outcome, String recipientKind,
                                  long recipientId, String address, String messageId, String reason) {
    }

    /** What the sender did for one recipient. */
    public enum Outcome { SENT, FAILED, SKIPPED }

    /** (its sender) Every recipient has its outcome: it is done. */
    public record FinishCampaign(@TargetAggregateIdentifier long campaignId) {
    }

    /** (admin) Brings a deleted campaign back. */
    public record RestoreCampaign(@TargetAggregateIdentifier long campaignId) {
    }
}
