package dev.crm.command.company;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.company.CompanyKind;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The company commands. The acting user travels in the command's metadata; {@code expectedVersion} is the caller's
 * If-Match (null: no check). {@code fields} are its own fields by name ({@code CompanyKind}): a text, or a list of
 * texts for tags; in a change an absent field stays as it is and null (or blank) clears it.
 */
public final class CompanyCommands {

    /** How the shared code makes them. */
    public static final FieldsCommands ALL = new FieldsCommands(CompanyKind.KIND, CreateCompany::new,
            ChangeCompany::new, TransferCompany::new, null, DeleteCompany::new, RestoreCompany::new);

    private CompanyCommands() {
    }

    public record CreateCompany(@TargetAggregateIdentifier long companyId, Map<String, Object> fields) {
    }

    public record ChangeCompany(@TargetAggregateIdentifier long companyId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    public record TransferCompany(@TargetAggregateIdentifier long companyId, Long expectedVersion, String owner) {
    }

    public record DeleteCompany(@TargetAggregateIdentifier long companyId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted company back. */
    public record RestoreCompany(@TargetAggregateIdentifier long companyId) {
    }

    /**
     * A lead was converted into this existing company (its conversion found it), with {@code contact} made or found in
     * it: recorded in the company's history, caused by the lead (sent by the conversion, in its transaction).
     */
    public record RecordLeadConversion(@TargetAggregateIdentifier long companyId, long lead, long contact) {
    }
}
