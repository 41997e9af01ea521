package dev.crm.shared.email;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** A draft's own fields were edited, each from its old to its new value (never the object it is written from). */
public record EmailChanged(long emailId, List<FieldChange> changes) implements EmailEvent, FieldsEvents.Changed {

    public EmailChanged {
        changes = List.copyOf(changes);
    }
}
