package dev.crm.query.memo;

import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoStage;
import java.time.Instant;

/** A memo as the read model holds it; {@code owner} is its author; {@code deal} the deal it is a part of, or null. */
public record MemoView(long id, long version, String title, String description, String to, boolean draft,
                       MemoStage stage, String conclusion, String owner, boolean deleted, Instant createdAt,
                       Instant updatedAt, Long department, Long deal) {

    /** A memo of no deal. */
    public MemoView(long id, long version, String title, String description, String to, boolean draft,
                    MemoStage stage, String conclusion, String owner, boolean deleted, Instant createdAt,
                    Instant updatedAt, Long department) {
        this(id, version, title, description, to, draft, stage, conclusion, owner, deleted, createdAt, updatedAt,
                department, null);
    }

    public MemoAccess access() {
        return new MemoAccess(owner, to, draft, stage);
    }
}
