package dev.crm.command.request;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.request.RequestKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The request commands, shaped as the company's ({@code CompanyCommands}), and {@link LinkRequestDeal}, which "create
 * deal" sends once the deal exists (in the same transaction).
 */
public final class RequestCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(RequestKind.KIND, CreateRequest::new,
            ChangeRequest::new, TransferRequest::new, null, DeleteRequest::new, RestoreRequest::new);

    private RequestCommands() {
    }

    public record CreateRequest(@TargetAggregateIdentifier long requestId, Map<String, Object> fields) {
    }

    public record ChangeRequest(@TargetAggregateIdentifier long requestId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    public record TransferRequest(@TargetAggregateIdentifier long requestId, Long expectedVersion, String owner) {
    }

    /**
     * A deal was made from the request: it is linked to it, no longer pending; {@code contact} and {@code lead} (or
     * null) were made by the same step.
     */
    public record LinkRequestDeal(@TargetAggregateIdentifier long requestId, long deal, Long contact, Long lead) {
    }

    /**
     * Its lead was converted into {@code company} and {@code contact}: the request moves to them (sent by the
     * conversion, in its transaction, with the lead as the cause).
     */
    public record FollowConvertedLead(@TargetAggregateIdentifier long requestId, long lead, long company,
                                      long contact) {
    }

    /**
     * Its lead was deleted (which leaves its requests, domain.md): the request no longer names it (sent by the lead's
     * delete, in its transaction, with the lead as the cause).
     */
    public record ForgetDeletedLead(@TargetAggregateIdentifier long requestId, long lead) {
    }

    public record DeleteRequest(@TargetAggregateIdentifier long requestId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted request back. */
    public record RestoreRequest(@TargetAggregateIdentifier long requestId) {
    }
}
