package dev.crm.shared.file;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The file object was deleted: one reference to its content fewer. The content itself is purged when none is left. */
public record FileDetached(long fileId, long attachedTo, String sha256, String name) implements FileEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(false, true));
    }
}
