package dev.crm.shared.reference;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * A stopped mail account sends again: an administrator changed its connection (host, port, security, username or
 * password) or resumed it. {@code reason}: the stop's reason that no longer holds (for the history).
 */
public record MailAccountResumed(long objectId, String reason) implements ReferenceEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of(MailAccountStopped.FIELD, reason, null));
    }
}
