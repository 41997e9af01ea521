package dev.crm.query.history;

import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history entries of the whole store (or of one kind) in a time range, read for auditors as a stream: a JDBC
 * cursor over {@code domainevententry} in store order, each row deserialized (through the upcasters, as the store
 * reads it), handed on and forgotten before the next is read. PostgreSQL keeps a cursor only inside a transaction
 * (autocommit off) with a fetch size, so the read runs in a read-only transaction fetching {@link #FETCH} rows at a
 * time; the heap holds one fetch, whatever the size of the store.
 *
 * <p>An entry carries its stream ({@code id}: the object's ID, a username for a user's own stream), its kind from the
 * object index ({@code crm_object}), its {@code sequence} (the object's version after it), time, user, event type,
 * the field changes history shows, and the stored {@code hash} (null for an event not chained yet).
 */
@Component
public class HistoryExport {

    /** Rows fetched per round trip of the cursor. */
    static final int FETCH = 500;

    private static final String SELECT = """
            SELECT e.aggregateidentifier, e.sequencenumber, e.type, e.eventidentifier, e.timestamp, e.payloadtype,
                   e.payloadrevision, e.payload, e.metadata, e.hash, o.kind
            FROM domainevententry e LEFT JOIN crm_object o ON CAST(o.id AS VARCHAR(255)) = e.aggregateidentifier
            WHERE e.timestamp >= ? AND e.timestamp < ?""";
    private static final String BY_KIND = " AND o.kind = ?";
    private static final String ORDER = " ORDER BY e.globalindex";
    private static final String HASHES = "SELECT sequencenumber, hash FROM domainevententry WHERE aggregateidentifier = ?";

    /** The first and last texts a stored time can start with: every stored timestamp is between them. */
    private static final String EARLIEST = "0000";
    private static final String LATEST = "9999-12-31T23:59:60";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(java.time.ZoneOffset.UTC);

    /** One exported entry. */
    public record Entry(String id, String kind, long sequence, Instant at, String user, String event,
                        List<FieldChange> changes, String hash) {
    }

    private final JdbcTemplate jdbc;
    private final HistoryReader history;
    private final TransactionTemplate readOnly;
    private final Serializer serializer;
    private final ObjectProvider<org.axonframework.config.Configuration> axon;
    private volatile EventUpcaster upcasters;

    public HistoryExport(JdbcTemplate jdbc, HistoryReader history, PlatformTransactionManager transactions,
                         @Qualifier("eventSerializer") Serializer serializer,
                         ObjectProvider<org.axonframework.config.Configuration> axon) {
        this.jdbc = jdbc;
        this.history = history;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.serializer = serializer;
        this.axon = axon;
    }

    /**
     * Hands every entry from {@code from} (inclusive, null: the beginning) to {@code to} (exclusive, null: now and
     * later), of objects of {@code kind} only when it is given, to {@code sink} in store order; answers how many.
     * The rows are filtered by the stored time's text to the second first (timestamps are stored as ISO-8601 text,
     * whose first 19 characters sort as the moments do), then exactly.
     */
    public long forEach(Instant from, Instant to, String kind, Consumer<Entry> sink) {
        String lower = from == null ? EARLIEST : SECONDS.format(from.truncatedTo(ChronoUnit.SECONDS));
        String upper = to == null ? LATEST : SECONDS.format(to.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        String sql = SELECT + (kind == null ? "" : BY_KIND) + ORDER;
        EventUpcaster chain = upcasters();
        Long count = readOnly.execute(status -> {
            long[] n = {0};
            jdbc.query(connection -> {
                PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                        ResultSet.CONCUR_READ_ONLY);
                statement.setFetchSize(FETCH);
                statement.setString(1, lower);
                statement.setString(2, upper);
                if (kind != null) {
                    statement.setString(3, kind);
                }
                return statement;
            }, (ResultSet rs) -> {
                DomainEventMessage<?> event = deserialize(rs, chain);
                Instant at = event.getTimestamp();
                if ((from == null || !at.isBefore(from)) && (to == null || at.isBefore(to))) {
                    sink.accept(new Entry(rs.getString(1), rs.getString(11), event.getSequenceNumber() + 1, at,
                            user(event), event.getPayloadType().getSimpleName(),
                            HistoryReader.changesOf(event.getPayload()), rs.getString(10)));
                    n[0]++;
                }
            });
            return n[0];
        });
        return count == null ? 0 : count;
    }

    /**
     * One object's history entries as the reader may read them ({@link HistoryReader#history(long, Actor)}: the same
     * entries, the same rule), each of the object's own events with its stored hash. The entries of its files and of
     * other objects' events that name it carry no hash here: theirs is in their own stream's export.
     */
    public List<Entry> objectHistory(long objectId, String kind, Actor actor) {
        Map<Long, String> hashes = new HashMap<>();
        jdbc.query(HASHES, rs -> {
            hashes.put(rs.getLong(1) + 1, rs.getString(2));
        }, Long.toString(objectId));
        java.util.Set<HistoryEntry> own = new java.util.HashSet<>(history.ownHistory(objectId, actor));
        List<Entry> entries = new ArrayList<>();
        for (HistoryEntry e : history.history(objectId, actor).entries()) {
            entries.add(new Entry(Long.toString(objectId), kind, e.sequence(), e.at(), e.user(), e.event(),
                    e.changes(), own.contains(e) ? hashes.get(e.sequence()) : null));
        }
        return entries;
    }

    private DomainEventMessage<?> deserialize(ResultSet rs, EventUpcaster chain) throws java.sql.SQLException {
        GenericDomainEventEntry<byte[]> data = new GenericDomainEventEntry<>(rs.getString(3), rs.getString(1),
                rs.getLong(2), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                rs.getBytes(9));
        DomainEventStream stream = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(data), serializer, chain);
        return stream.next();
    }

    private static String user(DomainEventMessage<?> event) {
        Object user = event.getMetaData().get(Actor.USERNAME);
        return user == null ? null : user.toString();
    }

    private EventUpcaster upcasters() {
        EventUpcaster chain = upcasters;
        if (chain == null) {
            chain = axon.getObject().upcasterChain();
            upcasters = chain;
        }
        return chain;
    }
}
