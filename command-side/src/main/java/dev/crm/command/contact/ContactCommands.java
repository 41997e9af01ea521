package dev.crm.command.contact;

import dev.crm.command.fields.FieldsCommands;
import dev.crm.shared.contact.ContactKind;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The contact commands, shaped as the company's ({@code CompanyCommands}). A contact's owner is never set on its
 * own: {@link FollowCompanyOwner} is sent for each of its company's contacts when the company is transferred.
 */
public final class ContactCommands {

    /** How the shared code makes them; on create, its company is one of the fields given. */
    public static final FieldsCommands ALL = new FieldsCommands(ContactKind.KIND, ContactCommands::create,
            ChangeContact::new, null, FollowCompanyOwner::new, DeleteContact::new, RestoreContact::new);

    private ContactCommands() {
    }

    private static CreateContact create(long id, Map<String, Object> fields) {
        Map<String, Object> own = new HashMap<>(fields);
        Object company = own.remove(ContactKind.COMPANY.name());
        return new CreateContact(id, company == null ? null : Long.valueOf(company.toString()), own);
    }

    public record CreateContact(@TargetAggregateIdentifier long contactId, Long company, Map<String, Object> fields) {
    }

    public record ChangeContact(@TargetAggregateIdentifier long contactId, Long expectedVersion,
                                Map<String, Object> fields) {
    }

    /** The contact's company {@code company} was transferred to {@code owner}: an automatic change. */
    public record FollowCompanyOwner(@TargetAggregateIdentifier long contactId, long company, String owner) {
    }

    /**
     * A lead was converted into this existing contact (its conversion found it by the lead's e-mail): recorded in the
     * contact's history, caused by the lead (sent by the conversion, in its transaction).
     */
    public record RecordLeadConversion(@TargetAggregateIdentifier long contactId, long lead) {
    }

    public record DeleteContact(@TargetAggregateIdentifier long contactId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted contact back. */
    public record RestoreContact(@TargetAggregateIdentifier long contactId) {
    }
}
