package dev.crm.query.replay;

import java.util.Collection;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** Every stored event, in the store's order, upcast and deserialized: what a rebuild reads. */
@FunctionalInterface
public interface StoredEvents {

    /** The events; the caller closes the stream. It may be read on another thread than the one that opened it. */
    Stream<? extends EventMessage<?>> readAll();

    /**
     * The events after the global index {@code position}, and those at the indexes {@code gaps} (below it, not seen
     * when it was reached), in the store's order: what a live rebuild reads to catch up.
     */
    default Stream<? extends EventMessage<?>> readAfter(long position, Collection<Long> gaps) {
        Set<Long> missing = Set.copyOf(gaps);
        return readAll().filter(e -> {
            long index = index(e);
            return index > position || missing.contains(index);
        });
    }

    /**
     * {@link #readAfter(long, Collection)} on {@code connection}, in its open transaction, which it leaves as it is
     * (a live rebuild reads the last events while it holds the tables); by default on a connection of its own.
     */
    default Stream<? extends EventMessage<?>> readAfter(java.sql.Connection connection, long position,
                                                        Collection<Long> gaps) {
        return readAfter(position, gaps);
    }

    /** The global index of a stored event read by {@link #readAll} or {@link #readAfter}. */
    static long index(EventMessage<?> event) {
        if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            OptionalLong position = tracked.trackingToken().position();
            if (position.isPresent()) {
                return position.getAsLong();
            }
        }
        throw new IllegalStateException("a stored event without a position: " + event.getIdentifier());
    }

    /** Through the storage engine's own tracking read (batches of its batch size, with its gap handling). */
    static StoredEvents of(EventStorageEngine store) {
        return new StoredEvents() {
            @Override
            public Stream<? extends EventMessage<?>> readAll() {
                return store.readEvents(null, false);
            }

            @Override
            public Stream<? extends EventMessage<?>> readAfter(long position, Collection<Long> gaps) {
                return store.readEvents(position < 0 ? null
                        : GapAwareTrackingToken.newInstance(position, new java.util.TreeSet<>(gaps)), false);
            }
        };
    }
}
