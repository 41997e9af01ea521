package dev.crm.shared.memo;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * Fields of a memo were edited. Each change holds the old and the new value, so history needs no
 * replay to show them. Fields: {@code title}, {@code description}, {@code to}, {@code draft}, {@code deal} (the deal's ID; null:
 * none).
 */
public record MemoChanged(long memoId, List<FieldChange> changes) implements MemoEvent {

    public MemoChanged {
        changes = List.copyOf(changes);
    }
}
