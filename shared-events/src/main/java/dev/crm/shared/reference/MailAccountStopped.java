package dev.crm.shared.reference;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * The mail server refused the account's login, so the CRM stopped sending through it (recorded by {@code system}):
 * e-mails through it wait, queued, until an administrator changes its connection or resumes it
 * ({@link MailAccountResumed}). {@code reason}: the server's answer, never the password.
 */
public record MailAccountStopped(long objectId, String reason) implements ReferenceEvent {

    /** The history's field of a stop: its reason while stopped, none once resumed. */
    public static final String FIELD = "stopped";

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of(FIELD, null, reason));
    }
}
