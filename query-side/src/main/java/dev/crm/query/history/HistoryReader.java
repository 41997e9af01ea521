package dev.crm.query.history;

import dev.crm.shared.memo.MemoKind;

import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.ObjectEvent;
import dev.crm.shared.memo.MemoAccess;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.shared.memo.MemoStage;
import dev.crm.shared.file.FileEvent;
import dev.crm.shared.user.UserEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An object's history, read straight from its event stream — and from the streams of its file objects,
 * whose attaching and detaching it shows too. Nothing is written for history, and what it shows is
 * exactly what is stored. Callers check who may read it ({@code ObjectAccess}).
 */
@Component
public class HistoryReader {

    private final EventStore eventStore;
    private final FileQueries files;

    public HistoryReader(EventStore eventStore, FileQueries files) {
        this.eventStore = eventStore;
        this.files = files;
    }

    /** An object's history as the actor may read it, and whether the part before a memo was sent was left out. */
    public record Visible(List<HistoryEntry> entries, boolean draftLeftOut) {
    }

    /** The whole history: for who reads every part of it (admins, the author of a memo). */
    public List<HistoryEntry> history(long objectId) {
        return history(objectId, null).entries();
    }

    /**
     * The history as the actor may read it. A memo that was written as a draft shows its draft part only to
     * who {@link MemoAccess#seesDraftHistory may read it}; everyone else reads it from the event that sent it,
     * which then carries the fields as sent (from no value) instead of what the draft said before: the draft
     * was its author's, and the memo as sent is what they see anyway. The object's file entries before that
     * moment are left out with it. The stored events are not touched.
     */
    public Visible history(long objectId, Actor actor) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        read(objectId, events::add);
        List<HistoryEntry> own = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            own.add(entry(event, event.getSequenceNumber() + 1, null));
        }
        List<HistoryEntry> fileEntries = new ArrayList<>();
        for (long fileId : files.everAttachedTo(objectId)) {
            read(fileId, event -> {
                if (event.getPayload() instanceof FileEvent) {
                    long version = own.stream().filter(e -> !e.at().isAfter(event.getTimestamp())).count();
                    fileEntries.add(entry(event, version, fileId));
                }
            });
        }
        Sent sent = actor == null ? null : sentDraft(events, actor);
        if (sent != null) {
            own.removeIf(e -> e.sequence() < sent.sequence());
            own.replaceAll(e -> e.sequence() == sent.sequence() ? new HistoryEntry(e.sequence(), e.at(), e.user(),
                    e.event(), sent.changes(), e.file(), e.cascade(), e.deletedWith()) : e);
            fileEntries.removeIf(e -> e.sequence() < sent.sequence());
        }
        if (fileEntries.isEmpty()) {
            return new Visible(own, sent != null);
        }
        List<HistoryEntry> all = new ArrayList<>(own);
        all.addAll(fileEntries);
        all.sort(Comparator.comparing(HistoryEntry::at).thenComparingInt(HistoryReader::sameInstantOrder));
        return new Visible(all, sent != null);
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

    /** The event that sent a memo written as a draft, with the memo's fields as sent. */
    private record Sent(long sequence, List<FieldChange> changes) {
    }

    /**
     * For an actor who may not read a memo's draft part: where the memo was sent, and its fields then. Null
     * when the whole history is theirs to read (not a memo, not written as a draft, or its author or an admin).
     * A memo still a draft has nothing for them (sequence past its end).
     */
    private static Sent sentDraft(List<DomainEventMessage<?>> events, Actor actor) {
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof MemoCreated created) || !created.draft()) {
            return null;
        }
        if (new MemoAccess(created.author(), created.to(), true, MemoStage.PENDING).seesDraftHistory(actor)) {
            return null;
        }
        String title = created.title();
        String description = created.description();
        String to = created.to();
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof MemoChanged changed) {
                boolean sends = false;
                for (FieldChange c : changed.changes()) {
                    // other fields say nothing about what was sent
                    if (MemoKind.TITLE.is(c.field())) {
                        title = c.to();
                    } else if (MemoKind.DESCRIPTION.is(c.field())) {
                        description = c.to();
                    } else if (MemoKind.TO.is(c.field())) {
                        to = c.to();
                    } else if (MemoKind.DRAFT.is(c.field())) {
                        sends = !Boolean.parseBoolean(c.to());
                    }
                }
                if (sends) {
                    List<FieldChange> asSent = new ArrayList<>();
                    for (FieldChange c : new MemoCreated(created.memoId(), title, description, to, false,
                            created.author(), created.department()).changes()) {
                        asSent.add(MemoKind.DRAFT.is(c.field()) ? MemoKind.DRAFT.change(true, false) : c);
                    }
                    return new Sent(event.getSequenceNumber() + 1, List.copyOf(asSent));
                }
            }
        }
        return new Sent(Long.MAX_VALUE, List.of());
    }

    /** A user's history: their own stream, whose identifier is the username. Callers check who may read it. */
    public List<HistoryEntry> userHistory(String username) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(username);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            entries.add(entry(event, event.getSequenceNumber() + 1, null));
        }
        return entries;
    }

    private void read(long aggregateId, java.util.function.Consumer<DomainEventMessage<?>> consumer) {
        DomainEventStream stream = eventStore.readEvents(Long.toString(aggregateId));
        while (stream.hasNext()) {
            consumer.accept(stream.next());
        }
    }

    private static HistoryEntry entry(DomainEventMessage<?> event, long sequence, Long file) {
        Object payload = event.getPayload();
        Object user = event.getMetaData().get(Actor.USERNAME);
        Object cascade = event.getMetaData().get("cascade");
        Object deletedWith = event.getMetaData().get("deletedWith");
        return new HistoryEntry(sequence, event.getTimestamp(), user == null ? null : user.toString(),
                event.getPayloadType().getSimpleName(), payload instanceof ObjectEvent e ? e.changes()
                        : payload instanceof UserEvent u ? u.changes() : List.of(),
                file, cascade == null ? null : cascade.toString(),
                deletedWith instanceof Number n ? n.longValue() : null);
    }
}
