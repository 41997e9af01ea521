package dev.crm.shared.memo;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.List;

public record MemoPostponed(long memoId, MemoStage previousStage) implements MemoEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(ObjectFields.STAGE.change(previousStage.apiName(), MemoStage.POSTPONED.apiName()));
    }
}
