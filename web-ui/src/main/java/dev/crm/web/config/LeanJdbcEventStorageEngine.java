package dev.crm.web.config;

import static org.axonframework.common.DateTimeUtils.formatInstant;
import static org.axonframework.eventhandling.EventUtils.asDomainEventMessage;

import dev.crm.app.chain.EventHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JDBC event store without the two round trips a command never needs: the CRM takes no snapshots, so
 * loading an aggregate does not ask for one; and a batch of an aggregate's events shorter than the batch size is
 * known to be the last, so no empty batch is fetched after it (see {@code AxonConfig}).
 * <p>
 * It also writes each event's chained hash ({@link EventHash}; docs/auditing.md) in the same INSERT as the event,
 * without a round trip of its own: loading an aggregate reads the {@code hash} column with its events, and the last
 * one read of each stream is kept in the command's unit of work; the append chains each new event to it (and to the
 * event before it in the same batch). Only when an event is appended to a stream not read in its unit of work (an
 * event published without loading its aggregate) is the previous hash read first, one query, counted in
 * {@link #previousHashLookups()}. A previous event without a hash (not chained yet: written before chaining existed)
 * leaves the new one without a hash too, for the chaining step at the next start ({@code ChainMigration}).
 */
class LeanJdbcEventStorageEngine extends JdbcEventStorageEngine {

    static final String HASH_COLUMN = "hash";
    private static final String HEADS = LeanJdbcEventStorageEngine.class.getName() + ".heads";

    /** The last event of a stream known in this unit of work: its sequence and hash (null: not chained). */
    private record Head(long sequence, String hash) {
    }

    private final AtomicLong previousHashLookups = new AtomicLong();

    LeanJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }

    /** Appends needing a query for the previous event's hash, since start (the rest cost nothing extra). */
    long previousHashLookups() {
        return previousHashLookups.get();
    }

    @Override
    protected PreparedStatement readEventData(Connection connection, String identifier, long firstSequenceNumber,
                                              int batchSize) throws SQLException {
        EventSchema schema = schema();
        PreparedStatement statement = connection.prepareStatement("SELECT " + schema.trackedEventFields() + ", "
                + HASH_COLUMN + " FROM " + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn()
                + " = ? AND " + schema.sequenceNumberColumn() + " >= ? AND " + schema.sequenceNumberColumn()
                + " < ? ORDER BY " + schema.sequenceNumberColumn() + " ASC");
        statement.setString(1, identifier);
        statement.setLong(2, firstSequenceNumber);
        statement.setLong(3, firstSequenceNumber + batchSize);
        return statement;
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        DomainEventData<?> data = super.getDomainEventData(resultSet);
        Map<String, Head> heads = heads();
        if (heads != null) {
            remember(heads, data.getAggregateIdentifier(), data.getSequenceNumber(), resultSet.getString(HASH_COLUMN));
        }
        return data;
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        EventSchema schema = schema();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable() + " ("
                + schema.domainEventFields() + ", " + HASH_COLUMN + ") VALUES (?,?,?,?,?,?,?,?,?,?)");
        Map<String, Head> heads = heads();
        if (heads == null) {
            heads = new HashMap<>();
        }
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEventMessage(message);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String timestamp = formatInstant(event.getTimestamp());
            String previous = previousHash(connection, heads, event.getAggregateIdentifier(), event.getSequenceNumber());
            String hash = previous == null ? null : EventHash.of(previous, new EventHash.Stored(
                    event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType(), event.getIdentifier(),
                    payload.getType().getName(), payload.getType().getRevision(), timestamp, payload.getData(),
                    metaData.getData()));
            remember(heads, event.getAggregateIdentifier(), event.getSequenceNumber(), hash);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, event.getAggregateIdentifier());
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setObject(8, payload.getData());
            statement.setObject(9, metaData.getData());
            statement.setString(10, hash);
            statement.addBatch();
        }
        return statement;
    }

    /** The hash of the event before {@code sequence} in the stream (GENESIS for 0), or null if that one has none. */
    private String previousHash(Connection connection, Map<String, Head> heads, String aggregate, long sequence)
            throws SQLException {
        if (sequence == 0) {
            return EventHash.GENESIS;
        }
        Head head = heads.get(aggregate);
        if (head != null && head.sequence() == sequence - 1) {
            return head.hash();
        }
        previousHashLookups.incrementAndGet();
        EventSchema schema = schema();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + HASH_COLUMN + " FROM "
                + schema.domainEventTable() + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND "
                + schema.sequenceNumberColumn() + " = ?")) {
            query.setString(1, aggregate);
            query.setLong(2, sequence - 1);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void remember(Map<String, Head> heads, String aggregate, long sequence, String hash) {
        heads.merge(aggregate, new Head(sequence, hash), (old, now) -> now.sequence() >= old.sequence() ? now : old);
    }

    /** The heads known in the current (root) unit of work, or null outside one. */
    private static Map<String, Head> heads() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(HEADS, k -> new HashMap<>());
    }
}
