package dev.crm.shared.file;

import dev.crm.shared.FieldChange;
import java.util.List;

/** A file object was made on an object, referring to stored content; {@code name} is already sanitised. */
public record FileAttached(long fileId, long attachedTo, String sha256, String name, long size, String mediaType)
        implements FileEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FileKind.FILE_NAME.set(name), FileKind.SIZE.set(size),
                FileKind.MEDIA_TYPE.set(mediaType), FileKind.SHA256.set(sha256),
                FileKind.ATTACHED_TO.set(attachedTo));
    }
}
