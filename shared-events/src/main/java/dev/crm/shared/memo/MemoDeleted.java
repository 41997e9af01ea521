package dev.crm.shared.memo;

import dev.crm.shared.FieldChange;
import java.util.List;

public record MemoDeleted(long memoId) implements MemoEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("deleted", false, true));
    }
}
