package dev.crm.query.history;

import dev.crm.shared.Actor;
import dev.crm.shared.ObjectEvent;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * An object's history, read straight from its event stream: nothing is written for history, and what
 * it shows is exactly what is stored. Callers check who may read it ({@code ObjectAccess}).
 */
@Component
public class HistoryReader {

    private final EventStore eventStore;

    public HistoryReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<HistoryEntry> history(long objectId) {
        List<HistoryEntry> entries = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(Long.toString(objectId));
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            Object user = event.getMetaData().get(Actor.USERNAME);
            entries.add(new HistoryEntry(event.getSequenceNumber() + 1, event.getTimestamp(),
                    user == null ? null : user.toString(), event.getPayloadType().getSimpleName(),
                    payload instanceof ObjectEvent e ? e.changes() : List.of()));
        }
        return entries;
    }
}
