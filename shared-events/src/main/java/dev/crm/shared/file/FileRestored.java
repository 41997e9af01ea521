package dev.crm.shared.file;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * A deleted file object was brought back (with the object it is attached to): one reference to its
 * content more. Only restored while the content is still stored.
 */
public record FileRestored(long fileId, long attachedTo, String sha256, String name) implements FileEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(true, false));
    }
}
