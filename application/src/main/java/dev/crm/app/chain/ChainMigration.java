package dev.crm.app.chain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one-off, recorded step that chains the events stored before hashes existed (docs/auditing.md, "Migration of
 * old events"). It runs during start-up, before the port opens and before any processor or scheduled job starts, and
 * only when some event has no hash: it reads, in one ordered pass over a cursor, every stream that has an event
 * without a hash, chains each such event to the one before it (an event that has a hash is never touched, its hash is
 * the next one's "previous"), and writes the hashes in batches of {@value #BATCH}, each committed, with progress in
 * the log. Each run is a row of {@code chain_migration}. On PostgreSQL an advisory lock makes a second instance
 * starting at the same time wait for the first to finish (and then find nothing left to chain); the embedded H2
 * database has a single instance.
 */
@Component
public class ChainMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChainMigration.class);
    static final int BATCH = 1000;
    /** The advisory lock's key: "chain" in ASCII. */
    static final long LOCK = 0x636861696EL;

    private static final String UNCHAINED_STREAMS = "SELECT " + ChainVerifier.COLUMNS + ", globalindex"
            + " FROM domainevententry WHERE aggregateidentifier IN"
            + " (SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE hash IS NULL)"
            + " ORDER BY aggregateidentifier, sequencenumber";

    private final DataSource dataSource;
    private final Clock clock;
    private final boolean atStart;

    public ChainMigration(DataSource dataSource, Clock clock,
                          @Value("${crm.chain.migrate-at-start:true}") boolean atStart) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.atStart = atStart;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (atStart) {
            chainUnchained();
        }
    }

    /** Chains every event without a hash; returns how many it chained (0: nothing to do, nothing recorded). */
    public long chainUnchained() {
        try (Connection lock = dataSource.getConnection()) {
            boolean postgres = lock.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                try (Statement s = lock.createStatement()) {
                    s.execute("SELECT pg_advisory_lock(" + LOCK + ")");
                }
            }
            try {
                return chainUnderLock();
            } finally {
                if (postgres) {
                    try (Statement s = lock.createStatement()) {
                        s.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not chain the stored events", e);
        }
    }

    private long chainUnderLock() throws SQLException {
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
            if (!anyUnchained(read)) {
                return 0;
            }
            long head = head(read);
            long run = record(write, head);
            log.info("Chaining the stored events without a hash (events up to position {}; docs/auditing.md)", head);
            read.setAutoCommit(false);
            read.setReadOnly(true);
            write.setAutoCommit(false);
            long chained = 0;
            long started = System.nanoTime();
            try (PreparedStatement query = read.prepareStatement(UNCHAINED_STREAMS, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
                 PreparedStatement update = write.prepareStatement(
                         "UPDATE domainevententry SET hash = ? WHERE globalindex = ? AND hash IS NULL")) {
                query.setFetchSize(ChainVerifier.FETCH);
                String stream = null;
                String previous = null;
                long expected = 0;
                int pending = 0;
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        EventHash.Stored event = ChainVerifier.stored(rs);
                        if (!event.aggregateIdentifier().equals(stream)) {
                            stream = event.aggregateIdentifier();
                            previous = EventHash.GENESIS;
                            expected = 0;
                        }
                        String stored = rs.getString("hash");
                        if (previous == null || event.sequenceNumber() != expected) {
                            // a gap: what follows cannot be chained honestly; the check will name it
                            previous = null;
                            continue;
                        }
                        expected++;
                        if (stored != null) {
                            previous = stored;
                            continue;
                        }
                        previous = EventHash.of(previous, event);
                        update.setString(1, previous);
                        update.setLong(2, rs.getLong("globalindex"));
                        update.addBatch();
                        chained++;
                        if (++pending == BATCH) {
                            update.executeBatch();
                            write.commit();
                            pending = 0;
                            log.info("Chained {} events", chained);
                        }
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                }
                try (PreparedStatement done = write.prepareStatement(
                        "UPDATE chain_migration SET finished_at = ?, events = ? WHERE id = ?")) {
                    done.setObject(1, now());
                    done.setLong(2, chained);
                    done.setLong(3, run);
                    done.executeUpdate();
                }
                write.commit();
            } catch (SQLException | RuntimeException e) {
                write.rollback();
                throw e;
            } finally {
                read.rollback();
                read.setReadOnly(false);
                read.setAutoCommit(true);
                write.setAutoCommit(true);
            }
            long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            log.info("Chained {} events in {} ms; recorded as chain_migration {}", chained, millis, run);
            return chained;
        }
    }

    private static boolean anyUnchained(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM domainevententry WHERE hash IS NULL FETCH FIRST 1 ROWS ONLY")) {
            return rs.next();
        }
    }

    private static long head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(globalindex), 0) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long record(Connection c, long head) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO chain_migration (started_at, events, head_position) VALUES (?, 0, ?)",
                new String[]{"id"})) {
            insert.setObject(1, now());
            insert.setLong(2, head);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }
}
