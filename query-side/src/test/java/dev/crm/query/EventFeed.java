package dev.crm.query;

import dev.crm.shared.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * Events as the command side stores them (each aggregate's own sequence, the actor's username in the
 * metadata, one minute apart), kept in an in-memory event store and handed to the projections through
 * Axon's own handler adapter, as a live event processor would.
 */
public final class EventFeed {

    /** The first event's time; microseconds on purpose (the read models keep milliseconds). */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00.123456Z");

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private int minute;

    public EventFeed(Object... projections) {
        for (Object projection : projections) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
    }

    public static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** The time the next event will carry. */
    public Instant next() {
        return at(minute);
    }

    public DomainEventMessage<?> publish(Object aggregate, Object payload, String user) {
        return publish(aggregate, payload, user, Map.of());
    }

    /** Stores the event as the next of its aggregate and applies it; {@code extra} is more metadata. */
    public DomainEventMessage<?> publish(Object aggregate, Object payload, String user, Map<String, ?> extra) {
        String id = String.valueOf(aggregate);
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        Map<String, Object> metaData = new HashMap<>(extra);
        metaData.put(Actor.USERNAME, user);
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), id, sequence,
                payload, metaData, java.util.UUID.randomUUID().toString(), at(minute++));
        store.appendEvents(List.of(event));
        events.add(event);
        apply(event);
        return event;
    }

    /** Applies every stored event again, in order, to the tables as they are. */
    public void applyAllAgain() {
        events.forEach(this::apply);
    }

    public InMemoryEventStorageEngine store() {
        return store;
    }

    public List<DomainEventMessage<?>> events() {
        return events;
    }

    private void apply(EventMessage<?> event) {
        boolean handled = false;
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(event)) {
                try {
                    handler.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException("event " + event.getPayloadType().getSimpleName() + " failed", e);
                }
                handled = true;
            }
        }
        if (!handled && !handlers.isEmpty()) {
            throw new IllegalStateException("no projection handles " + event.getPayloadType().getSimpleName());
        }
    }
}
