package dev.crm.shared.memo;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

public record MemoDeleted(long memoId) implements MemoEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.DELETED.change(false, true));
    }
}
