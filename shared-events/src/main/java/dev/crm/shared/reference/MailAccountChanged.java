package dev.crm.shared.reference;

import java.util.Map;

/** A mail account's event ({@link ReferenceKind#MAIL_ACCOUNT}); its password is only ever {@link ReferenceKind#HIDDEN}. */
public record MailAccountChanged(long objectId, Map<String, String> from, Map<String, String> to)
        implements ReferenceEvent.Changed {
}
