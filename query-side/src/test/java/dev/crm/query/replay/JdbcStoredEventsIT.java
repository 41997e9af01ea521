package dev.crm.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crm.query.EventFeed;
import dev.crm.query.PostgresSchema;
import dev.crm.query.Scenario;
import dev.crm.shared.memo.MemoCreated;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import dev.crm.query.evolution.MemoCreatedAuthorToOwner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcStoredEvents} reads the JDBC event store as Axon's own engine reads it: the same messages in the
 * same order, through the same serializer and upcaster chain. The store holds the {@link Scenario} as the
 * command side appends it, and one event in an older form, which an upcaster brings up to date.
 */
class JdbcStoredEventsIT {

    static PostgresSchema db;
    static JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
    static JdbcEventStorageEngine engine;

    /** A made-up older shape first, then the application's own upcaster of MemoCreated's first shape. */
    static final EventUpcasterChain CHAIN = new EventUpcasterChain(new SubjectToTitle(), new MemoCreatedAuthorToOwner());

    /** MemoCreated of revision "0" called its title "subject". */
    static class SubjectToTitle extends SingleEventUpcaster {
        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(MemoCreated.class.getName())
                    && "0".equals(representation.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(MemoCreated.class.getName(), null),
                    JsonNode.class, node -> {
                        ObjectNode memo = (ObjectNode) node;
                        memo.set("title", memo.remove("subject"));
                        return memo;
                    });
        }
    }

    @BeforeAll
    static void store() {
        db = PostgresSchema.fresh();
        engine = JdbcEventStorageEngine.builder().connectionProvider(new DataSourceConnectionProvider(db.dataSource))
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(CHAIN).build();
        EventFeed feed = new EventFeed();
        Scenario.publish(feed);
        engine.appendEvents(feed.events());
        // an event of the old form, as an older version of the service stored it
        db.jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                    payloadrevision, payloadtype, timestamp)
                VALUES ('70', 0, 'MemoCreated', 'old-memo-70', ?, ?, '0', ?, '2026-03-01T08:00:00.5Z')""",
                "{\"username\":\"alice\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"memoId\":70,\"subject\":\"Old form\",\"description\":null,\"to\":null,\"draft\":true,"
                        + "\"author\":\"alice\",\"department\":null}").getBytes(StandardCharsets.UTF_8),
                MemoCreated.class.getName());
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    private static List<? extends EventMessage<?>> read(Stream<? extends EventMessage<?>> events) {
        try (events) {
            return events.toList();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", "prepareThreshold=-1"})
    void readsTheStoreAsTheEngineReadsIt(String parameters) throws Exception {
        List<? extends EventMessage<?>> expected = read(engine.readEvents(null, false));
        // as text, or (prepared on the server from the first execution, as the application reads) as binary
        javax.sql.DataSource reading = parameters.isEmpty() ? db.dataSource
                : new org.springframework.jdbc.datasource.SingleConnectionDataSource(db.connect(parameters), false);
        List<? extends EventMessage<?>> actual = read(new JdbcStoredEvents(reading, new EventSchema(), serializer,
                CHAIN, 7).readAll());

        assertThat(actual).hasSize(expected.size()).hasSizeGreaterThan(40);
        for (int i = 0; i < expected.size(); i++) {
            EventMessage<?> e = expected.get(i);
            EventMessage<?> a = actual.get(i);
            assertThat(a.getIdentifier()).isEqualTo(e.getIdentifier());
            assertThat(a.getPayloadType()).isEqualTo(e.getPayloadType());
            assertThat(a.getPayload()).isEqualTo(e.getPayload());
            assertThat(a.getMetaData()).isEqualTo(e.getMetaData());
            assertThat(a.getTimestamp()).isEqualTo(e.getTimestamp());
            assertThat(a).isInstanceOf(DomainEventMessage.class);
            DomainEventMessage<?> domain = (DomainEventMessage<?>) a;
            assertThat(domain.getAggregateIdentifier()).isEqualTo(((DomainEventMessage<?>) e).getAggregateIdentifier());
            assertThat(domain.getSequenceNumber()).isEqualTo(((DomainEventMessage<?>) e).getSequenceNumber());
            assertThat(domain.getType()).isEqualTo(((DomainEventMessage<?>) e).getType());
            assertThat(((TrackedEventMessage<?>) a).trackingToken().position())
                    .isEqualTo(((TrackedEventMessage<?>) e).trackingToken().position());
        }
    }

    @Test
    void upcastsAsTheEngineDoes() {
        EventMessage<?> old = read(new JdbcStoredEvents(db.dataSource, new EventSchema(), serializer,
                CHAIN, 1000).readAll()).stream().filter(e -> e.getIdentifier().equals("old-memo-70"))
                .findFirst().orElseThrow();

        assertThat(old.getPayload()).isEqualTo(new MemoCreated(70, "Old form", null, null, true, "alice", null));
        assertThat(old.getTimestamp()).isEqualTo(java.time.Instant.parse("2026-03-01T08:00:00.500Z"));
    }

    @Test
    void givesItsConnectionBackAsItFoundItWhenClosed() throws Exception {
        try (Stream<? extends EventMessage<?>> events = new JdbcStoredEvents(db.dataSource, new EventSchema(),
                serializer, CHAIN, 5).readAll()) {
            assertThat(events.limit(3).count()).isEqualTo(3);
            // the cursor reads in a transaction of its own (the tests' data source is one shared connection)
            assertThat(db.dataSource.getConnection().getAutoCommit()).isFalse();
        }
        assertThat(db.dataSource.getConnection().getAutoCommit()).isTrue();
    }
}
