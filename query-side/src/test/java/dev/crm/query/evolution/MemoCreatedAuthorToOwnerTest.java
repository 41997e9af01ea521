package dev.crm.query.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.crm.shared.memo.MemoCreated;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/**
 * Every shape {@link MemoCreated} was ever stored in reads as today's event, through the serializer the
 * application builds (its revision resolver) and the upcaster, as the event store reads it.
 */
class MemoCreatedAuthorToOwnerTest {

    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build())
            .revisionResolver(new EventRevisions()).build();

    static MemoCreated read(String json, String revision) {
        DomainEventData<byte[]> stored = new GenericDomainEventEntry<>("MemoAggregate", "42", 0, "e-" + revision + json.length(),
                Instant.parse("2026-01-01T10:00:00Z"), MemoCreated.class.getName(), revision,
                json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> read = EventStreamUtils.upcastAndDeserializeDomainEvents(
                Stream.of(stored), SERIALIZER, new EventUpcasterChain(new MemoCreatedAuthorToOwner())).asStream().toList();
        assertThat(read).hasSize(1);
        return (MemoCreated) read.get(0).getPayload();
    }

    @Test
    void theFirstShapeReadsWithItsAuthorAsOwner() {
        assertThat(read("{\"memoId\":42,\"title\":\"Call ACME\",\"description\":\"renewal\",\"to\":\"bob\","
                + "\"draft\":false,\"author\":\"alice\"}", null))
                .isEqualTo(new MemoCreated(42, "Call ACME", "renewal", "bob", false, "alice", null));
        assertThat(read("{\"memoId\":42,\"title\":\"t\",\"description\":null,\"to\":null,\"draft\":true,"
                + "\"author\":\"alice\"}", null))
                .isEqualTo(new MemoCreated(42, "t", null, null, true, "alice", null));
    }

    @Test
    void theFirstShapeWithDepartmentAndDealReadsToo() {
        // stored after departments, before memos could be a part of a deal
        assertThat(read("{\"memoId\":42,\"title\":\"Call ACME\",\"description\":\"renewal\",\"to\":\"bob\","
                + "\"draft\":false,\"author\":\"alice\",\"department\":7}", null))
                .isEqualTo(new MemoCreated(42, "Call ACME", "renewal", "bob", false, "alice", 7L, null));
        // the last first-shape form, as pinned until revision 2
        assertThat(read("{\"memoId\":42,\"title\":\"Call ACME\",\"description\":\"renewal\",\"to\":\"bob\","
                + "\"draft\":false,\"author\":\"alice\",\"department\":7,\"deal\":61}", null))
                .isEqualTo(new MemoCreated(42, "Call ACME", "renewal", "bob", false, "alice", 7L, 61L));
    }

    @Test
    void revisionTwoIsLeftAsStoredAndWrittenWithItsRevision() {
        MemoCreated today = new MemoCreated(42, "Call ACME", "renewal", "bob", false, "alice", 7L, 61L);
        var serialized = SERIALIZER.serialize(today, byte[].class);
        assertThat(serialized.getType().getRevision()).isEqualTo("2");
        assertThat(read(new String(serialized.getData(), StandardCharsets.UTF_8), "2")).isEqualTo(today);
    }
}
