package dev.crm.command.memo;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The memo commands. The acting user travels in the command's metadata. {@code expectedVersion} is
 * the caller's If-Match (null: no check). In {@link ChangeMemo} a null field is left as it is.
 */
public final class MemoCommands {

    private MemoCommands() {
    }

    /** {@code deal}: the deal it is a part of (null: none). */
    public record CreateMemo(@TargetAggregateIdentifier long memoId, String title, String description, String to,
                             boolean draft, Long deal) {

        /** A memo of no deal. */
        public CreateMemo(long memoId, String title, String description, String to, boolean draft) {
            this(memoId, title, description, to, draft, null);
        }
    }

    /**
     * {@code deal}: the ID of the deal it becomes a part of, as text; "" takes it off its deal, null leaves it (as
     * "" clears {@code to} and {@code description}).
     */
    public record ChangeMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion, String title,
                             String description, String to, Boolean draft, String deal) {

        /** A change that leaves the memo's deal as it is. */
        public ChangeMemo(long memoId, Long expectedVersion, String title, String description, String to,
                          Boolean draft) {
            this(memoId, expectedVersion, title, description, to, draft, null);
        }
    }

    public record PostponeMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion) {
    }

    public record ReviewMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion, String conclusion) {
    }

    /** Sent as a part of its deal's delete ({@code Cascades}), it goes whoever may change it. */
    public record DeleteMemo(@TargetAggregateIdentifier long memoId, Long expectedVersion) {
    }

    /** (admin) Brings a deleted memo back. */
    public record RestoreMemo(@TargetAggregateIdentifier long memoId) {
    }
}
