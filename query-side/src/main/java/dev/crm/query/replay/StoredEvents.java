package dev.crm.query.replay;

import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** Every stored event, in the store's order, upcast and deserialized: what a rebuild reads. */
@FunctionalInterface
public interface StoredEvents {

    /** The events; the caller closes the stream. It may be read on another thread than the one that opened it. */
    Stream<? extends EventMessage<?>> readAll();

    /** Through the storage engine's own tracking read (batches of its batch size, with its gap handling). */
    static StoredEvents of(EventStorageEngine store) {
        return () -> store.readEvents(null, false);
    }
}
