package dev.crm.shared.contact;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The lead {@code lead} was converted into this contact, which its conversion found in the found company (by the
 * lead's e-mail); a contact the conversion makes has the lead as the cause of its creation instead. Sent with
 * {@code Causes.CAUSED_BY} = the lead, so history shows the step; to the read model a change without changes.
 */
public record ContactLeadConverted(long contactId, long lead) implements ContactEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        return List.of();
    }
}
