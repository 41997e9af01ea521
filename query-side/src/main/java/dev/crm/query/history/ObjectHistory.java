package dev.crm.query.history;

import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * An object's history as built from its event stream and its files' streams, before any reader's view of it:
 * what {@link HistoryCache} keeps. Nothing in it depends on who reads it; {@link #visibleTo} makes each reader's
 * view of it on every request.
 *
 * @param stamp       the versions of the streams it was built from: it is the history of exactly these
 * @param own         the object's own entries, in stream order
 * @param fileEntries its files' entries, file by file (in ID order), each in stream order
 * @param all         both, merged by time (the whole history)
 * @param draft       for a memo written as a draft: what others may read of it; otherwise null
 */
record ObjectHistory(Stamp stamp, List<HistoryEntry> own, List<HistoryEntry> fileEntries, List<HistoryEntry> all,
                     Draft draft) {

    /**
     * The versions a history was built from: the object's, and each of its files' (every file it ever had,
     * deleted ones too, in ID order). The read model carries the same versions (every event of an object's
     * stream sets its {@code crm_object.version} in the event's own transaction), so comparing this with the
     * read model's row says whether the history is still exactly the stored one.
     */
    record Stamp(long version, List<FileVersion> files) {

        Stamp {
            files = List.copyOf(files);
        }

        List<Long> fileIds() {
            return files.stream().map(FileVersion::id).toList();
        }
    }

    record FileVersion(long id, long version) {
    }

    /**
     * A memo written as a draft: its author and first recipient (who may read the draft part is
     * {@link MemoAccess#seesDraftHistory}'s rule), the version it was sent with ({@link Long#MAX_VALUE} while
     * it is a draft) and its fields as sent.
     */
    record Draft(String author, String to, long sentSequence, List<FieldChange> asSent) {

        boolean hiddenFrom(Actor actor) {
            return !new MemoAccess(author, to, true, MemoStage.PENDING).seesDraftHistory(actor);
        }
    }

    ObjectHistory {
        own = List.copyOf(own);
        fileEntries = List.copyOf(fileEntries);
        all = List.copyOf(all);
    }

    /** Merges an object's own entries with its files' entries by time (see {@link #sameInstantOrder}). */
    static List<HistoryEntry> merged(List<HistoryEntry> own, List<HistoryEntry> fileEntries) {
        if (fileEntries.isEmpty()) {
            return own;
        }
        List<HistoryEntry> all = new ArrayList<>(own);
        all.addAll(fileEntries);
        all.sort(Comparator.comparing(HistoryEntry::at).thenComparingInt(ObjectHistory::sameInstantOrder));
        return all;
    }

    /**
     * The history as the actor may read it (null: the whole of it). See
     * {@link HistoryReader#history(long, Actor)}.
     */
    HistoryReader.Visible visibleTo(Actor actor) {
        if (actor == null || draft == null || !draft.hiddenFrom(actor)) {
            return new HistoryReader.Visible(all, false);
        }
        long sent = draft.sentSequence();
        List<HistoryEntry> ownVisible = ownVisibleTo(actor);
        List<HistoryEntry> filesVisible = fileEntries.stream().filter(e -> e.sequence() >= sent).toList();
        return new HistoryReader.Visible(Collections.unmodifiableList(merged(ownVisible, filesVisible)), true);
    }

    /**
     * The object's own entries (not its files', not other objects' mentioning it) as the actor may read them (null:
     * all of them): a memo's draft part left out for who may not read it, the entry that sent it carrying the fields
     * as sent. The one rule {@link #visibleTo} applies, for readers that rebuild the object from its own events
     * ({@link ObjectStates}).
     */
    List<HistoryEntry> ownVisibleTo(Actor actor) {
        if (actor == null || draft == null || !draft.hiddenFrom(actor)) {
            return own;
        }
        long sent = draft.sentSequence();
        List<HistoryEntry> ownVisible = new ArrayList<>();
        for (HistoryEntry e : own) {
            if (e.sequence() == sent) {
                ownVisible.add(new HistoryEntry(e.sequence(), e.at(), e.user(), e.event(), draft.asSent(), e.file(),
                        e.cascade(), e.deletedWith(), e.causedBy()));
            } else if (e.sequence() > sent) {
                ownVisible.add(e);
            }
        }
        return ownVisible;
    }

    /**
     * About how many bytes of heap the history holds: what {@link HistoryCache} bounds. Per entry its record,
     * time, list and the references to strings it shares with the other entries; per field change its record
     * and three strings, with their characters.
     */
    long bytes() {
        long bytes = 200 + 8L * (own.size() + fileEntries.size() + all.size());
        for (List<HistoryEntry> entries : List.of(own, fileEntries)) {
            for (HistoryEntry e : entries) {
                bytes += ENTRY_BYTES;
                for (FieldChange c : e.changes()) {
                    bytes += CHANGE_BYTES + length(c.field()) + length(c.from()) + length(c.to());
                }
            }
        }
        if (draft != null) {
            for (FieldChange c : draft.asSent()) {
                bytes += CHANGE_BYTES + length(c.field()) + length(c.from()) + length(c.to());
            }
        }
        return bytes;
    }

    /** A {@link HistoryEntry} (48), its {@link java.time.Instant} (24), its list of changes (~32), a cascade id. */
    static final int ENTRY_BYTES = 120;
    /** A {@link FieldChange} (24) and its three strings without their characters (3 × 40). */
    static final int CHANGE_BYTES = 144;

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * The order of entries of the same instant (a fast command makes several in one millisecond), as they
     * happened: the object's own events before its files' (it is created, then they are attached) — except the
     * object's own deletion with its parts (an entry with a cascade), which comes after its files' detaching,
     * since a delete takes the parts first. Stable otherwise.
     */
    private static int sameInstantOrder(HistoryEntry entry) {
        if (entry.file() != null) {
            return 1;
        }
        return entry.cascade() != null ? 2 : 0;
    }
}
