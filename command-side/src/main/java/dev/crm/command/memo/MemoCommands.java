package dev.crm.command.memo;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The memo commands. The acting user travels in the command's metadata. {@code expectedVersion} is
 * the caller's If-Match (null: no check). In {@link ChangeMemo} a null field is left as it is.
 */
public final class MemoCommands {

    private MemoCommands() {
    }

    public record CreateMemo(@TargetAggregateIdentifier long memoId, String title, String description, String to,
                             boolean draft) {
    }

    public record ChangeMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion, String title,
                             String description, String to, Boolean draft) {
    }

    public record PostponeMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion) {
    }

    public record ReviewMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion, String conclusion) {
    }

    public record DeleteMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted memo back. */
    public record RestoreMemo(@TargetAggregateIdentifier long memoId) {
    }
}
