package dev.crm.shared.company;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The lead {@code lead} was converted into this company, which its conversion found (a company the conversion makes
 * has the lead as the cause of its creation instead); {@code contact} is the contact the conversion made, or found, in
 * it. Sent with {@code Causes.CAUSED_BY} = the lead, so history shows the step; none of its own fields changes, so to
 * the read model it is a change without changes (its version and update time move).
 */
public record CompanyLeadConverted(long companyId, long lead, long contact)
        implements CompanyEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
