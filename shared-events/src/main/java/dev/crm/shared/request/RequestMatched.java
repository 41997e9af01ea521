package dev.crm.shared.request;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * Matching (on create, or on a change of what it compares) set these fields automatically: its contact, lead or
 * company (each when exactly one matched), {@code verificationRequired} and {@code subsequent}. History shows it as an
 * automatic change of its own, after the create or change that caused it.
 */
public record RequestMatched(long requestId, List<FieldChange> changes) implements RequestEvent, FieldsEvents.Changed {

    public RequestMatched {
        changes = List.copyOf(changes);
    }
}
