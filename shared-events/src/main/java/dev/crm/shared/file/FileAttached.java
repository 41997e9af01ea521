package dev.crm.shared.file;

import dev.crm.shared.FieldChange;
import java.util.List;

/** A file object was made on an object, referring to stored content; {@code name} is already sanitised. */
public record FileAttached(long fileId, long attachedTo, String sha256, String name, long size, String mediaType)
        implements FileEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.set("name", name), FieldChange.set("size", size),
                FieldChange.set("mediaType", mediaType), FieldChange.set("sha256", sha256),
                FieldChange.set("attachedTo", attachedTo));
    }
}
