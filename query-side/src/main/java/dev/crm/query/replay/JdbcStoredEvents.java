package dev.crm.query.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The JDBC event store read in one pass for a rebuild: one query in global order over a cursor
 * ({@code fetchSize} rows per round trip, in a read-only transaction of its own connection), each row mapped as
 * Axon's {@code JdbcEventStorageEngine} maps it and handed through Axon's own upcasting and deserialization
 * ({@link EventUtils#upcastAndDeserializeTrackedEvents}) with the store's serializer and upcaster chain, so an
 * upcaster applies in a rebuild as it does everywhere else. Unlike the engine's tracking read (batches of 100
 * rows, each a query of its own) it sees the store as of one snapshot, which is all a stop-the-world rebuild
 * needs; its tracking tokens carry the global index without gaps (projections do not read them).
 */
public class JdbcStoredEvents implements StoredEvents {

    private final DataSource dataSource;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final int fetchSize;
    private final String sql;
    private final String select;
    private final String index;

    public JdbcStoredEvents(DataSource dataSource, EventSchema schema, Serializer serializer, EventUpcaster upcasters,
                            int fetchSize) {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.fetchSize = fetchSize;
        this.index = schema.globalIndexColumn();
        this.select = "SELECT " + String.join(", ", schema.globalIndexColumn(), schema.typeColumn(),
                schema.aggregateIdentifierColumn(), schema.sequenceNumberColumn(), schema.eventIdentifierColumn(),
                schema.timestampColumn(), schema.payloadTypeColumn(), schema.payloadRevisionColumn(),
                schema.payloadColumn(), schema.metaDataColumn()) + " FROM " + schema.domainEventTable();
        this.sql = select + " ORDER BY " + index + " ASC";
    }

    @Override
    public Stream<? extends EventMessage<?>> readAll() {
        return read(sql);
    }

    /** One query for the events after {@code position} and at the indexes {@code gaps} (numbers, written inline). */
    @Override
    public Stream<? extends EventMessage<?>> readAfter(long position, java.util.Collection<Long> gaps) {
        return read(after(position, gaps));
    }

    @Override
    public Stream<? extends EventMessage<?>> readAfter(Connection connection, long position,
                                                       java.util.Collection<Long> gaps) {
        Cursor cursor = new Cursor(after(position, gaps));
        cursor.given = connection;
        return open(cursor);
    }

    private String after(long position, java.util.Collection<Long> gaps) {
        String where = " WHERE " + index + " > " + position;
        if (!gaps.isEmpty()) {
            where += " OR " + index + " IN (" + String.join(", ", gaps.stream().map(String::valueOf).toList()) + ")";
        }
        return select + where + " ORDER BY " + index + " ASC";
    }

    private Stream<? extends EventMessage<?>> read(String sql) {
        return open(new Cursor(sql));
    }

    private Stream<? extends EventMessage<?>> open(Cursor cursor) {
        try {
            cursor.open();
        } catch (SQLException | RuntimeException e) {
            cursor.close();
            throw new IllegalStateException("cannot read the event store: " + e.getMessage(), e);
        }
        Stream<TrackedEventData<?>> rows = StreamSupport.stream(cursor, false).onClose(cursor::close);
        return EventUtils.upcastAndDeserializeTrackedEvents(rows, serializer, upcasters);
    }

    /** A row as Axon's engine maps it, with a quicker reading of its timestamp (see {@link #timestamp}). */
    private static final class Entry extends GenericDomainEventEntry<byte[]> {
        private final Instant timestamp;

        Entry(String type, String aggregate, long sequence, String event, String timestamp, String payloadType,
              String payloadRevision, byte[] payload, byte[] metaData) {
            super(type, aggregate, sequence, event, timestamp, payloadType, payloadRevision, payload, metaData);
            this.timestamp = timestamp(timestamp);
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /**
     * A stored timestamp, as Axon's {@link DateTimeUtils#parseInstant} reads it (ISO-8601 with an offset), but
     * without a {@code DateTimeFormatter} for the form the store writes, {@code 2026-03-02T09:00:00.123Z} (no
     * fraction, or one to nine digits, in UTC): a quarter of the reading thread's time went to the formatter.
     * Anything else goes to Axon's parser.
     */
    static Instant timestamp(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || (n > 20 && (text.charAt(19) != '.' || n == 21))) {
            return DateTimeUtils.parseInstant(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nanos = 0;
        if (n > 20) {
            nanos = digits(text, 20, n - 1);
            for (int i = n - 21; i < 9 && nanos >= 0; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return DateTimeUtils.parseInstant(text);
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code text} from {@code from} to {@code to}, or -1 if it is not all digits. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The query's rows, one at a time; closing it ends the transaction and gives the connection back. */
    private final class Cursor extends Spliterators.AbstractSpliterator<TrackedEventData<?>> implements AutoCloseable {
        private final String sql;
        /** A connection to read on in its open transaction, left as it is; null: one of the data source's. */
        Connection given;
        private Connection connection;
        private boolean autoCommit;
        private PreparedStatement statement;
        private ResultSet rows;

        Cursor(String sql) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.sql = sql;
        }

        void open() throws SQLException {
            if (given != null) {
                statement = given.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                rows = statement.executeQuery();
                return;
            }
            connection = dataSource.getConnection();
            autoCommit = connection.getAutoCommit();
            // PostgreSQL streams a result set over a cursor only inside a transaction
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);

            rows = statement.executeQuery();
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            try {
                if (!rows.next()) {
                    return false;
                }
                long globalIndex = rows.getLong(1);
                String aggregate = rows.getString(3);
                String event = rows.getString(5);
                GenericDomainEventEntry<byte[]> entry = new Entry(rows.getString(2),
                        event.equals(aggregate) ? null : aggregate, rows.getLong(4), event, rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getBytes(9), rows.getBytes(10));
                action.accept(new TrackedDomainEventData<>(
                        GapAwareTrackingToken.newInstance(globalIndex, Collections.emptySortedSet()), entry));
                return true;
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the event store: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
                if (connection != null) {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                // the connection is closed below either way
            } finally {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException e) {
                        // nothing more to do
                    }
                }
            }
        }
    }
}
