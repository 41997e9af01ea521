package dev.crm.shared.request;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/** Own fields of a request were edited by a user, each from its old to its new value. */
public record RequestChanged(long requestId, List<FieldChange> changes) implements RequestEvent, FieldsEvents.Changed {

    public RequestChanged {
        changes = List.copyOf(changes);
    }
}
