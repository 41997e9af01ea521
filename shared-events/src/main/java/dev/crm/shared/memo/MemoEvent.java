package dev.crm.shared.memo;

import dev.crm.shared.ObjectEvent;

/** Everything that can happen to an office memo. */
public sealed interface MemoEvent extends ObjectEvent
        permits MemoCreated, MemoChanged, MemoPostponed, MemoReviewed, MemoDeleted, MemoRestored {

    long memoId();

    @Override
    default long objectId() {
        return memoId();
    }
}
