package dev.crm.shared.memo;

import dev.crm.shared.EventRevision;
import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.FieldChange;
import java.util.ArrayList;
import java.util.List;

/**
 * A memo was written; {@code to} may be null for a draft. Its author, {@code owner}, owns it (revision 2: the
 * first shape called the field {@code author}, unlike every later kind's creation event; {@code
 * MemoCreatedAuthorToOwner} renames it in events stored before). {@code department} (the
 * author's department, or null) was added later: older stored memos read it as null. So was {@code deal} (the
 * deal it is a part of, or null): older stored memos read it as null.
 */
@EventRevision("2")
public record MemoCreated(long memoId, String title, String description, String to, boolean draft, String owner,
                          Long department, Long deal)
        implements MemoEvent {

    /** A memo outside any department. */
    public MemoCreated(long memoId, String title, String description, String to, boolean draft, String owner) {
        this(memoId, title, description, to, draft, owner, null);
    }

    /** A memo of no deal. */
    public MemoCreated(long memoId, String title, String description, String to, boolean draft, String owner,
                       Long department) {
        this(memoId, title, description, to, draft, owner, department, null);
    }

    @Override
    public List<FieldChange> changes() {
        List<FieldChange> changes = new ArrayList<>();
        changes.add(MemoKind.TITLE.set(title));
        if (description != null) {
            changes.add(MemoKind.DESCRIPTION.set(description));
        }
        if (to != null) {
            changes.add(MemoKind.TO.set(to));
        }
        changes.add(MemoKind.DRAFT.set(draft));
        changes.add(ObjectFields.STAGE.set(MemoStage.PENDING.apiName()));
        changes.add(ObjectFields.OWNER.set(owner));
        if (department != null) {
            changes.add(ObjectFields.DEPARTMENT.set(department));
        }
        if (deal != null) {
            changes.add(MemoKind.DEAL.set(deal));
        }
        return changes;
    }
}
