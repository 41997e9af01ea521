package dev.crm.shared.email;

import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldsEvents;
import java.util.List;

/**
 * The mail server accepted attempt {@code attempt} of the e-mail; {@code changes}: its status to sent, {@code sent}
 * true and {@code sentAt} (the sender's clock when the server accepted it).
 */
public record EmailSent(long emailId, int attempt, List<FieldChange> changes)
        implements EmailEvent, FieldsEvents.Changed {

    public EmailSent {
        changes = List.copyOf(changes);
    }
}
