package dev.crm.shared.lead;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The lead was converted into {@code company} (found or made in the same step) and {@code contact} (made in it), and
 * is closed: it cannot be converted again nor changed. The company and contact made by the step have the lead as the
 * cause of their creation ({@code Causes.CAUSED_BY}). To the read model and history it is a change of its
 * {@code company} and {@code contact} fields.
 */
public record LeadConverted(long leadId, long company, long contact) implements LeadEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of(LeadKind.COMPANY.set(company), LeadKind.CONTACT.set(contact));
    }
}
