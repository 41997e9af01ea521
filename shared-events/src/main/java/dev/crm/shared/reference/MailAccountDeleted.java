package dev.crm.shared.reference;

/** A mail account's event ({@link ReferenceKind#MAIL_ACCOUNT}); its password is only ever {@link ReferenceKind#HIDDEN}. */
public record MailAccountDeleted(long objectId)
        implements ReferenceEvent.Deleted {
}
