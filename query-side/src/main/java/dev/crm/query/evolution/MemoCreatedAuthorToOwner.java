package dev.crm.query.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crm.shared.memo.MemoCreated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * {@link MemoCreated} revision 2 calls the memo's author {@code owner}, as every later kind's creation event
 * does; events stored in the first shape (no revision) called it {@code author}. This renames the field and
 * leaves everything else as stored, so an old memo loads, projects, shows in history as it always did. The
 * stored row is never rewritten (its hash covers its stored form, which still verifies). Axon runs every
 * {@code EventUpcaster} bean on every read of the store: loading an aggregate, history, a rebuild, the
 * streaming processors.
 */
@Component
public class MemoCreatedAuthorToOwner extends SingleEventUpcaster {

    static final SimpleSerializedType FIRST = new SimpleSerializedType(MemoCreated.class.getName(), null);
    static final SimpleSerializedType SECOND = new SimpleSerializedType(MemoCreated.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return FIRST.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(SECOND, JsonNode.class, MemoCreatedAuthorToOwner::renamed);
    }

    static JsonNode renamed(JsonNode stored) {
        ObjectNode payload = stored.deepCopy();
        JsonNode author = payload.remove("author");
        if (author != null && !payload.has("owner")) {
            payload.set("owner", author);
        }
        return payload;
    }
}
