package dev.crm.query.history;

import dev.crm.shared.FieldChange;
import java.time.Instant;
import java.util.List;

/**
 * One event of an object's history; {@code sequence} is the object's version after the event. Entries
 * about the object's files (attached, detached) name the file object in {@code file} and carry the
 * version the object had then; for the object's own events {@code file} is null. Events of a delete that
 * removed several objects share one {@code cascade} id; an object removed with another one names it in
 * {@code deletedWith}. An automatic change (a contact's new owner after its company's transfer) names the object
 * whose change caused it in {@code causedBy}; its user is who made that change.
 */
public record HistoryEntry(long sequence, Instant at, String user, String event, List<FieldChange> changes,
                           Long file, String cascade, Long deletedWith, Long causedBy) {

    /** An entry that no other object's change caused. */
    public HistoryEntry(long sequence, Instant at, String user, String event, List<FieldChange> changes, Long file,
                        String cascade, Long deletedWith) {
        this(sequence, at, user, event, changes, file, cascade, deletedWith, null);
    }
}
