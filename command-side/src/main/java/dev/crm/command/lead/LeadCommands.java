package dev.crm.command.lead;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.lead.LeadKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The lead commands, shaped as the company's ({@code CompanyCommands}), and {@link ConvertLead}, which closes the
 * lead once the conversion has found or made its company and made its contact (in the same transaction).
 */
public final class LeadCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(LeadKind.KIND, CreateLead::new, ChangeLead::new,
            TransferLead::new, null, DeleteLead::new, RestoreLead::new);

    private LeadCommands() {
    }

    public record CreateLead(@TargetAggregateIdentifier long leadId, Map<String, Object> fields) {
    }

    public record ChangeLead(@TargetAggregateIdentifier long leadId, Long expectedVersion, Map<String, Object> fields) {
    }

    public record TransferLead(@TargetAggregateIdentifier long leadId, Long expectedVersion, String owner) {
    }

    /** The lead was converted into {@code company} and {@code contact}: it is closed. */
    public record ConvertLead(@TargetAggregateIdentifier long leadId, Long expectedVersion, long company,
                              long contact) {
    }

    public record DeleteLead(@TargetAggregateIdentifier long leadId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted lead back. */
    public record RestoreLead(@TargetAggregateIdentifier long leadId) {
    }
}
