package dev.crm.shared.email;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * Attempt {@code attempt} of the e-mail is not tried now and stays queued: its mail account is stopped (the server
 * refused its login); {@code changes}: its {@code failure} set to why it waits (never a password), cleared when it is
 * sent. It goes out by itself once the account sends again.
 */
public record EmailWaiting(long emailId, int attempt, List<FieldChange> changes)
        implements EmailEvent, FieldsEvents.Changed {

    public EmailWaiting {
        changes = List.copyOf(changes);
    }
}
