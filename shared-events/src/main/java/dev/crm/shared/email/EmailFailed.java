package dev.crm.shared.email;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * Attempt {@code attempt} of the e-mail failed for good (the server refused it, a login failed, or its outcome is
 * unknown after a restart); {@code changes}: its status to failed and {@code failure}, the reason (never a password).
 * It may be sent again: a new attempt.
 */
public record EmailFailed(long emailId, int attempt, List<FieldChange> changes)
        implements EmailEvent, FieldsEvents.Changed {

    public EmailFailed {
        changes = List.copyOf(changes);
    }
}
