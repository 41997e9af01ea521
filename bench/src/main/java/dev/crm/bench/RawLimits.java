package dev.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the same PostgreSQL does with plain JDBC, no framework: appends to a table shaped like Axon's
 * {@code domainevententry} (same columns, keys and BIGSERIAL), a sequential read of the CRM's own store,
 * a replay of it into a simple read model, and the read of one object's events.
 */
final class RawLimits {

    static final String EVENT_TABLE = """
            CREATE TABLE domainevententry (
                globalindex         BIGSERIAL    NOT NULL,
                aggregateidentifier VARCHAR(255) NOT NULL,
                sequencenumber      BIGINT       NOT NULL,
                type                VARCHAR(255),
                eventidentifier     VARCHAR(255) NOT NULL,
                metadata            BYTEA,
                payload             BYTEA        NOT NULL,
                payloadrevision     VARCHAR(255),
                payloadtype         VARCHAR(255) NOT NULL,
                timestamp           VARCHAR(255) NOT NULL,
                PRIMARY KEY (globalindex),
                UNIQUE (aggregateidentifier, sequencenumber),
                UNIQUE (eventidentifier))""";
    private static final String INSERT = """
            INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
            payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)""";

    private final String rawUrl;
    private final byte[] payload;
    private final byte[] metaData;

    RawLimits(String rawUrl, byte[] payload, byte[] metaData) throws SQLException {
        this.rawUrl = rawUrl;
        this.payload = payload;
        this.metaData = metaData;
        try (Connection c = Pg.connect(rawUrl); Statement s = c.createStatement()) {
            s.execute(EVENT_TABLE);
            s.execute("""
                    CREATE TABLE bench_view (id BIGINT PRIMARY KEY, version BIGINT NOT NULL, kind VARCHAR(20) NOT NULL,
                    title VARCHAR(500) NOT NULL, owner VARCHAR(40), updated_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
        }
    }

    /** Single-event transactions per second from {@code clients} connections for {@code seconds}. */
    double singleEventTransactions(int clients, int seconds) throws Exception {
        return run(clients, seconds, 1);
    }

    /** Events per second appended in transactions of {@code batch} events by one connection. */
    double batchedEvents(int batch, int seconds) throws Exception {
        return run(1, seconds, batch);
    }

    private double run(int clients, int seconds, int batch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Long>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            results.add(pool.submit(() -> {
                long events = 0;
                try (Connection c = Pg.connect(rawUrl); PreparedStatement s = c.prepareStatement(INSERT)) {
                    c.setAutoCommit(false);
                    while (!stop.get()) {
                        for (int i = 0; i < batch; i++) {
                            s.setString(1, UUID.randomUUID().toString());
                            s.setLong(2, 0);
                            s.setString(3, "MemoAggregate");
                            s.setString(4, UUID.randomUUID().toString());
                            s.setBytes(5, metaData);
                            s.setBytes(6, payload);
                            s.setString(7, "dev.crm.shared.memo.MemoCreated");
                            s.setString(8, Instant.now().toString());
                            if (batch == 1) {
                                s.executeUpdate();
                            } else {
                                s.addBatch();
                            }
                        }
                        if (batch > 1) {
                            s.executeBatch();
                        }
                        c.commit();
                        events += batch;
                    }
                }
                return events;
            }));
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        long total = 0;
        for (Future<Long> f : results) {
            total += f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return total / elapsed;
    }

    /** Events per second read in global order from the CRM's store, every column fetched. */
    static double sequentialRead(String crmUrl) throws SQLException {
        long start = System.nanoTime();
        long n = 0;
        try (Connection c = Pg.connect(crmUrl)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery("""
                        SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp,
                        payloadtype, payloadrevision, payload, metadata FROM domainevententry ORDER BY globalindex""")) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(3);
                        rs.getBytes(9);
                        rs.getBytes(10);
                        n++;
                    }
                }
            }
            c.commit();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Events per second replayed from the CRM's store into a read model (id, kind, title, owner), the
     * payload parsed as JSON, upserts guarded by version, batched and committed every {@code commitEvery}
     * events; stops after {@code limit} events.
     */
    double replay(String crmUrl, int commitEvery, long limit) throws Exception {
        try (Connection w = Pg.connect(rawUrl); Statement s = w.createStatement()) {
            s.execute("TRUNCATE bench_view");
        }
        long start = System.nanoTime();
        long n = 0;
        try (Connection r = Pg.connect(crmUrl); Connection w = Pg.connect(rawUrl);
             PreparedStatement upsert = w.prepareStatement("""
                     INSERT INTO bench_view (id, version, kind, title, owner, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                     ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title,
                     updated_at = excluded.updated_at WHERE bench_view.version < excluded.version""")) {
            r.setAutoCommit(false);
            w.setAutoCommit(false);
            try (Statement s = r.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery("""
                        SELECT aggregateidentifier, sequencenumber, payloadtype, payload, metadata, timestamp
                        FROM domainevententry ORDER BY globalindex""" + " LIMIT " + limit)) {
                    int pending = 0;
                    while (rs.next()) {
                        JsonNode p = Client.JSON.readTree(rs.getBytes(4));
                        JsonNode m = Client.JSON.readTree(rs.getBytes(5));
                        long id;
                        try {
                            id = Long.parseLong(rs.getString(1));
                        } catch (NumberFormatException e) {
                            id = rs.getString(1).hashCode();
                        }
                        upsert.setLong(1, id);
                        upsert.setLong(2, rs.getLong(2) + 1);
                        upsert.setString(3, rs.getString(3).contains("task") ? "task" : "memo");
                        upsert.setString(4, p.path("title").asText(""));
                        upsert.setString(5, m.path("username").asText(null));
                        upsert.setTimestamp(6, Timestamp.from(Instant.parse(rs.getString(6))));
                        if (commitEvery == 1) {
                            upsert.executeUpdate();
                            w.commit();
                        } else {
                            upsert.addBatch();
                            if (++pending == commitEvery) {
                                upsert.executeBatch();
                                w.commit();
                                pending = 0;
                            }
                        }
                        n++;
                    }
                    upsert.executeBatch();
                    w.commit();
                }
            }
            r.commit();
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /** Reads every event of one object, in order, {@code times} times; the latencies. */
    static Stats readAggregate(String crmUrl, String aggregateId, int times) throws SQLException {
        Stats stats = new Stats();
        try (Connection c = Pg.connect(crmUrl); PreparedStatement s = c.prepareStatement("""
                SELECT globalindex, type, aggregateidentifier, sequencenumber, eventidentifier, timestamp,
                payloadtype, payloadrevision, payload, metadata FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber >= ? ORDER BY sequencenumber ASC""")) {
            for (int i = 0; i < times + 20; i++) {
                long t = System.nanoTime();
                s.setString(1, aggregateId);
                s.setLong(2, 0);
                int rows = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getBytes(9);
                        rs.getBytes(10);
                        rows++;
                    }
                }
                if (i >= 20) {
                    stats.add(System.nanoTime() - t);
                }
                if (rows == 0) {
                    throw new IllegalStateException("no events for " + aggregateId);
                }
            }
        }
        return stats;
    }
}
