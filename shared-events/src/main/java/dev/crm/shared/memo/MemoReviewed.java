package dev.crm.shared.memo;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.ArrayList;
import java.util.List;

public record MemoReviewed(long memoId, String conclusion, MemoStage previousStage, String previousConclusion)
        implements MemoEvent {

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(ObjectFields.STAGE.change(previousStage.apiName(), MemoStage.REVIEWED.apiName()));
        if (conclusion != null || previousConclusion != null) {
            changes.add(MemoKind.CONCLUSION.change(previousConclusion, conclusion));
        }
        return changes;
    }
}
