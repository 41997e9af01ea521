package dev.crm.command.deal;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.deal.DealKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The deal commands, shaped as the company's. {@code fields} are its own fields by name ({@code DealKind}): texts,
 * numbers (or their text), IDs for the stage and the references (contact, company, lead, request), a username for the
 * co-owner; in a change an absent field stays as it is and null (or blank) clears it. A change of the stage is a
 * {@code DealStageChanged} of its own; closing reason and closing date are set by {@link CloseDeal} alone.
 */
public final class DealCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(DealKind.KIND, CreateDeal::new, ChangeDeal::new,
            TransferDeal::new, null, DeleteDeal::new, RestoreDeal::new);

    private DealCommands() {
    }

    /** Made from a request ("create deal"): the application sends it after checking the request's rules. */
    public record CreateDeal(@TargetAggregateIdentifier long dealId, Map<String, Object> fields) {
    }

    public record ChangeDeal(@TargetAggregateIdentifier long dealId, Long expectedVersion, Map<String, Object> fields) {
    }

    /** Closes the deal for a closing reason of the reference data (its ID). */
    public record CloseDeal(@TargetAggregateIdentifier long dealId, Long expectedVersion, Long closingReason) {
    }

    /**
     * Its lead was converted into {@code company} and {@code contact}: the deal moves to them (sent by the conversion,
     * in its transaction, with the lead as the cause).
     */
    public record FollowConvertedLead(@TargetAggregateIdentifier long dealId, long lead, long company, long contact) {
    }

    public record TransferDeal(@TargetAggregateIdentifier long dealId, Long expectedVersion, String owner) {
    }

    public record DeleteDeal(@TargetAggregateIdentifier long dealId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted deal back. */
    public record RestoreDeal(@TargetAggregateIdentifier long dealId) {
    }
}
