package dev.crm.shared.reference;

import java.util.Map;

/** A mail account's event ({@link ReferenceKind#MAIL_ACCOUNT}); its password is only ever {@link ReferenceKind#HIDDEN}. */
public record MailAccountCreated(long objectId, Map<String, String> values)
        implements ReferenceEvent.Created {
}
