package dev.crm.shared.memo;

import dev.crm.shared.FieldChange;
import java.util.List;

public record MemoPostponed(long memoId, MemoStage previousStage) implements MemoEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(FieldChange.of("stage", previousStage.apiName(), MemoStage.POSTPONED.apiName()));
    }
}
