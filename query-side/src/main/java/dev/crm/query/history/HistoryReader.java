package dev.crm.query.history;

import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.ObjectEvent;
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

    public List<HistoryEntry> history(long objectId) {
        List<HistoryEntry> own = new ArrayList<>();
        read(objectId, event -> own.add(entry(event, event.getSequenceNumber() + 1, null)));
        List<HistoryEntry> fileEntries = new ArrayList<>();
        for (long fileId : files.everAttachedTo(objectId)) {
            read(fileId, event -> {
                if (event.getPayload() instanceof FileEvent) {
                    long version = own.stream().filter(e -> !e.at().isAfter(event.getTimestamp())).count();
                    fileEntries.add(entry(event, version, fileId));
                }
            });
        }
        if (fileEntries.isEmpty()) {
            return own;
        }
        List<HistoryEntry> all = new ArrayList<>(own);
        all.addAll(fileEntries);
        // stable: an object's own event comes before a file event of the same instant
        all.sort(Comparator.comparing(HistoryEntry::at).thenComparing(e -> e.file() != null));
        return all;
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
