package dev.crm.shared.file;

import dev.crm.shared.ObjectEvent;

/**
 * Events of a file object: a reference, with its own ID and history, to stored content addressed by its
 * SHA-256. Several file objects may refer to the same content.
 */
public sealed interface FileEvent extends ObjectEvent permits FileAttached, FileDetached, FileRestored {

    long fileId();

    /** The object the file belongs to. */
    long attachedTo();

    String sha256();

    @Override
    default long objectId() {
        return fileId();
    }
}
