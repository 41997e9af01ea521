package dev.crm.shared.email;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * A draft, or a failed e-mail sent again, was queued for sending: its {@code attempt} (1 for the first), the mail
 * account it goes through (its owner's main account when queued) and the RFC 5322 {@code Message-ID} fixed now, which
 * the message carries; {@code changes}: its status to queued and its failure cleared, as the history shows them.
 */
public record EmailQueued(long emailId, int attempt, long account, String messageId, List<FieldChange> changes)
        implements EmailEvent, FieldsEvents.Changed {

    public EmailQueued {
        changes = List.copyOf(changes);
    }
}
