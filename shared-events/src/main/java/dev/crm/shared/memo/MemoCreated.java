package dev.crm.shared.memo;

import dev.crm.shared.FieldChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A memo was written; {@code to} may be null for a draft. The author owns it. {@code department} (the
 * author's department, or null) was added later: older stored memos read it as null.
 */
public record MemoCreated(long memoId, String title, String description, String to, boolean draft, String author,
                          Long department)
        implements MemoEvent {

    /** A memo outside any department. */
    public MemoCreated(long memoId, String title, String description, String to, boolean draft, String author) {
        this(memoId, title, description, to, draft, author, null);
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(FieldChange.set("title", title));
        if (description != null) {
            changes.add(FieldChange.set("description", description));
        }
        if (to != null) {
            changes.add(FieldChange.set("to", to));
        }
        changes.add(FieldChange.set("draft", draft));
        changes.add(FieldChange.set("stage", MemoStage.PENDING.apiName()));
        changes.add(FieldChange.set("owner", author));
        if (department != null) {
            changes.add(FieldChange.set("department", department));
        }
        return changes;
    }
}
