package dev.crm.query.evolution;

import dev.crm.shared.EventRevision;
import org.axonframework.serialization.RevisionResolver;

/**
 * The revision the store writes beside each event: its {@link EventRevision}, or none for an event still of its
 * first shape. The events live in {@code shared-events}, which knows nothing of Axon; this is the bridge.
 */
public final class EventRevisions implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision == null ? null : revision.value();
    }
}
