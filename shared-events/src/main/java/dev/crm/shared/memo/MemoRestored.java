package dev.crm.shared.memo;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * An administrator brought the deleted memo back; its timeline continues (the next version after its
 * delete), and it is as it was when deleted.
 */
public record MemoRestored(long memoId) implements MemoEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(true, false));
    }
}
