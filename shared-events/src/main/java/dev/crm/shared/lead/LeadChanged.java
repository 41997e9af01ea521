package dev.crm.shared.lead;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a lead were edited, each from its old to its new value. */
public record LeadChanged(long leadId, List<FieldChange> changes) implements LeadEvent, FieldsEvents.Changed {

    public LeadChanged {
        changes = List.copyOf(changes);
    }
}
