package dev.crm.shared.request;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.ArrayList;
import java.util.List;

/**
 * A deal was made from the request ("create deal"): it names the deal and is no longer pending; {@code contact} and
 * {@code lead}, when not null, were made by the same step and are linked too. To the read model and history it is a
 * change of those fields.
 */
public record RequestDealCreated(long requestId, long deal, Long contact, Long lead)
        implements RequestEvent, FieldsEvents.Changed {

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        if (contact != null) {
            changes.add(RequestKind.CONTACT.set(contact));
        }
        if (lead != null) {
            changes.add(RequestKind.LEAD.set(lead));
        }
        changes.add(RequestKind.DEAL.set(deal));
        changes.add(RequestKind.PENDING.change(true, false));
        return changes;
    }
}
