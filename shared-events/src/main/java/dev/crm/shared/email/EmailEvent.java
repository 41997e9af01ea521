package dev.crm.shared.email;

import dev.crm.shared.kind.FieldsEvents;
import dev.crm.shared.kind.Kind;

/** Everything that can happen to an e-mail (sending: queued, sent, failed). */
public sealed interface EmailEvent extends FieldsEvents.OfKind
        permits EmailCreated, EmailChanged, EmailDeleted, EmailRestored, EmailQueued, EmailSent,
        EmailFailed, EmailWaiting {

    long emailId();

    @Override
    default long objectId() {
        return emailId();
    }

    @Override
    default Kind kind() {
        return EmailKind.KIND;
    }
}
