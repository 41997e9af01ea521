package dev.crm.query.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models while the service keeps serving (docs/architecture.md, "Live rebuild (issue 17)"), on
 * PostgreSQL only. The read models' tables are copied, empty, into the schema {@value #SHADOW} (their columns,
 * defaults and checks, primary keys and unique constraints under their own names; the plain indexes follow once the
 * bulk is in). The store is then replayed into the copies with {@link ReadModelRebuilder}'s machinery, on a
 * connection whose {@code search_path} puts {@value #SHADOW} first, so the projections' unqualified SQL writes the
 * copies, while the live tables keep answering reads and commands keep being projected into them. When the copies
 * are close to the store's head, the switch takes every live table {@code IN ACCESS EXCLUSIVE MODE} (briefly holding
 * back reads and commands' projections; given up after {@code crm.rebuild.lock-timeout} and tried again, so it never
 * deadlocks with a command), applies the last events, and in the same transaction moves the live tables to
 * {@value #RETIRED} and the copies in their place; the retired ones are dropped after.
 *
 * <p>Every batch records its progress in {@code crm_live_rebuild} in its own transaction (the highest global index
 * applied and the indexes below it not yet seen: a transaction that took its index earlier and committed later), so a
 * rebuild cut short by a crash resumes from there into the kept copies ({@link #resumeIfUnfinished}). One instance
 * runs it: the one whose connection holds the advisory lock {@link #LOCK}, which the database lets go when that
 * connection dies.
 *
 * <p>The query side's read models share tables ({@code crm_object}, {@code object_link}, the fields' tables), so they
 * are rebuilt together: every query-side processing group ({@link ReadModelRebuilder#processors()}) into every read
 * model's table ({@link ReadModelRebuilder#tables()}).
 */
@Component
public class LiveRebuild {

    /** The name of the one set rebuilt: every read model of the query side. */
    public static final String READ_MODELS = "read-models";
    static final String SHADOW = "crm_shadow";
    static final String RETIRED = "crm_retired";
    /** The advisory lock whose holder runs the rebuild ("crm_live"). */
    static final long LOCK = 0x6372_6d5f_6c69_7665L;
    /** Gaps remembered at most; older ones are taken for rolled-back appends. */
    static final int MAX_GAPS = 10_000;

    public static final String STARTING = "starting";
    public static final String REPLAYING = "replaying";
    public static final String CATCHING_UP = "catching-up";
    public static final String SWITCHING = "switching";
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    private static final List<String> RUNNING = List.of(STARTING, REPLAYING, CATCHING_UP, SWITCHING);

    private static final Logger log = LoggerFactory.getLogger(LiveRebuild.class);

    /** The state of a rebuild, as the API shows it. */
    public record Status(String name, String state, long position, long done, long total, int percent,
                         Instant startedAt, Long etaSeconds, Instant finishedAt, Long switchMillis, Long resumedFrom,
                         String owner, List<String> processors, List<String> tables, String error) {
        public boolean running() {
            return RUNNING.contains(state);
        }
    }

    /** A live rebuild is asked for where it cannot run: the database is not PostgreSQL. */
    public static final class NeedsPostgres extends RuntimeException {
        NeedsPostgres() {
            super("a live rebuild needs PostgreSQL");
        }
    }

    /** A live rebuild is asked for while one runs (or waits to resume after a crash). */
    public static final class AlreadyRunning extends RuntimeException {
        AlreadyRunning() {
            super("a live rebuild is running");
        }
    }

    /** The test hook's stop: the rebuild ends as if its process had died. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("live rebuild stopped by the test hook");
        }
    }

    private final ReadModelRebuilder rebuilder;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String owner;
    private final AtomicBoolean runningHere = new AtomicBoolean();
    private volatile int stopAfterBatches = -1;
    private long switchLag = 1_000;
    private Duration lockTimeout = Duration.ofMillis(500);
    private int switchAttempts = 50;
    private Duration gapTimeout = Duration.ofSeconds(60);
    private volatile Thread thread;
    /** This run's: the batches committed, and after how many it stops (the test hook; -1: never). */
    private int runBatches;
    private int stopAt = -1;

    public LiveRebuild(ReadModelRebuilder rebuilder, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                       Clock clock, @Value("${crm.instance-name:}") String instance) {
        this.rebuilder = rebuilder;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.owner = instance == null || instance.isBlank()
                ? java.lang.management.ManagementFactory.getRuntimeMXBean().getName() : instance;
    }

    /** How long the switch waits for the live tables before it gives up and tries again ({@code crm.rebuild.lock-timeout}). */
    @Value("${crm.rebuild.lock-timeout:500ms}")
    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    /** How far behind the head the copies may be when the switch begins ({@code crm.rebuild.switch-lag}, events). */
    @Value("${crm.rebuild.switch-lag:1000}")
    public void setSwitchLag(long switchLag) {
        this.switchLag = switchLag;
    }

    /** Whether a live rebuild can run here (PostgreSQL). */
    public boolean available() {
        return rebuilder.postgres();
    }

    /** The processors a live rebuild replays. */
    public List<String> processors() {
        return rebuilder.processors();
    }

    /**
     * For tests: the next run of a rebuild stops, as if its process died, once this many batches have committed
     * (-1: never).
     */
    public void stopAfterBatches(int batches) {
        this.stopAfterBatches = batches;
    }

    /** For tests: events per batch. */
    public void batchSize(int events) {
        rebuilder.batchSize(events);
    }

    /** For tests: waits until the rebuild this instance runs, if any, has ended. */
    public void awaitThread(Duration timeout) throws InterruptedException {
        Thread running = thread;
        if (running != null) {
            running.join(timeout.toMillis());
        }
    }

    /**
     * Starts a rebuild of every read model in the background; answers its state.
     *
     * @throws NeedsPostgres not on PostgreSQL
     * @throws AlreadyRunning one runs, or waits to resume
     */
    public Status start() {
        if (!available()) {
            throw new NeedsPostgres();
        }
        Instant now = clock.instant();
        try {
            tx.executeWithoutResult(s -> {
                List<String> states = jdbc.queryForList("SELECT state FROM crm_live_rebuild WHERE name = ? FOR UPDATE",
                        String.class, READ_MODELS);
                if (!states.isEmpty() && RUNNING.contains(states.get(0))) {
                    throw new AlreadyRunning();
                }
                jdbc.update("DELETE FROM crm_live_rebuild WHERE name = ?", READ_MODELS);
                jdbc.update("INSERT INTO crm_live_rebuild (name, state, position, gaps, done, run_done_from, processors, "
                                + "tables, started_at, run_started_at, updated_at, owner) VALUES (?, ?, 0, '', 0, 0, ?, ?, ?, ?, ?, ?)",
                        READ_MODELS, STARTING, String.join(",", processors()), String.join(",", rebuilder.tables()),
                        at(now), at(now), at(now), owner);
            });
        } catch (DuplicateKeyException e) {
            throw new AlreadyRunning();
        }
        launch();
        return status().orElseThrow();
    }

    /**
     * Resumes a rebuild that did not finish (its process died), unless another instance runs it; called at start-up
     * and now and then, so that an instance takes over one whose runner died.
     */
    public void resumeIfUnfinished() {
        if (!available() || runningHere.get()) {
            return;
        }
        List<String> states = jdbc.queryForList("SELECT state FROM crm_live_rebuild WHERE name = ?", String.class,
                READ_MODELS);
        if (!states.isEmpty() && RUNNING.contains(states.get(0))) {
            launch();
        }
    }

    private void launch() {
        if (!runningHere.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::run, "live-rebuild");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** The state of the last rebuild, if there was one. */
    public Optional<Status> status() {
        List<Status> rows = jdbc.query("SELECT * FROM crm_live_rebuild WHERE name = ?", (rs, n) -> {
            String state = rs.getString("state");
            long position = rs.getLong("position");
            long done = rs.getLong("done");
            long total = done;
            if (RUNNING.contains(state)) {
                total = done + Math.max(0, head() - position);
            }
            int percent = DONE.equals(state) || total == 0 ? 100 : (int) Math.min(99, done * 100 / total);
            Instant runStarted = instant(rs.getTimestamp("run_started_at"));
            Instant updated = instant(rs.getTimestamp("updated_at"));
            long runDone = done - rs.getLong("run_done_from");
            Long eta = null;
            long millis = Duration.between(runStarted, updated).toMillis();
            if (RUNNING.contains(state) && runDone > 0 && millis > 0) {
                eta = (long) Math.ceil((total - done) / (runDone * 1000.0 / millis));
            } else if (DONE.equals(state)) {
                eta = 0L;
            }
            long resumed = rs.getLong("resumed_from");
            long switched = rs.getLong("switch_millis");
            return new Status(rs.getString("name"), state, position, done, total, percent,
                    instant(rs.getTimestamp("started_at")), eta, instant(rs.getTimestamp("finished_at")),
                    rs.wasNull() ? null : switched, resumed == 0 ? null : resumed, rs.getString("owner"),
                    split(rs.getString("processors")), split(rs.getString("tables")), rs.getString("error"));
        }, READ_MODELS);
        return rows.stream().findFirst();
    }

    /** The store's head: its highest global index (0 when empty). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    private static List<String> split(String list) {
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private void run() {
        try (Connection c = rebuilder.openConnection()) {
            c.setAutoCommit(true);
            if (!queryBoolean(c, "SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                return;
            }
            try {
                c.setAutoCommit(false);
                work(c);
            } catch (Stopped e) {
                log.warn("live rebuild: {}", e.getMessage());
                c.rollback();
            } catch (Exception e) {
                log.error("live rebuild failed", e);
                c.rollback();
                fail(c, e);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                queryBoolean(c, "SELECT pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException | RuntimeException e) {
            log.error("live rebuild: cannot run", e);
        } finally {
            runningHere.set(false);
        }
    }

    private void fail(Connection c, Exception e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE crm_live_rebuild SET state = ?, error = ?, updated_at = ? WHERE name = ?")) {
            String message = String.valueOf(e.getMessage());
            ps.setString(1, FAILED);
            ps.setString(2, message.length() > 2000 ? message.substring(0, 2000) : message);
            ps.setObject(3, at(clock.instant()));
            ps.setString(4, READ_MODELS);
            ps.executeUpdate();
        }
        c.commit();
    }

    /** What a batch has reached: the highest index applied, the gaps below it, the events applied. */
    static final class Progress {
        long position;
        long done;
        final TreeMap<Long, Instant> gaps = new TreeMap<>();
        private final Duration timeout;

        Progress(long position, String gaps, long done, Duration timeout, Instant now) {
            this.position = position;
            this.done = done;
            this.timeout = timeout;
            for (String gap : split(gaps)) {
                this.gaps.put(Long.parseLong(gap.trim()), now.plus(timeout));
            }
        }

        /** An event applied: its index no gap any more, or past the position with the indexes skipped as gaps. */
        void seen(long index, Instant timestamp) {
            done++;
            if (index <= position) {
                gaps.remove(index);
                return;
            }
            for (long i = Math.max(position + 1, index - MAX_GAPS); i < index; i++) {
                gaps.put(i, timestamp.plus(timeout));
            }
            position = index;
        }

        /** Gaps whose next event is older than the timeout are rolled-back appends, not slow commits. */
        void expire(Instant now) {
            gaps.values().removeIf(deadline -> deadline.isBefore(now));
            while (gaps.size() > MAX_GAPS) {
                gaps.pollFirstEntry();
            }
        }

        /** What it was before an attempt that rolled back. */
        Progress copy() {
            Progress copy = new Progress(position, "", done, timeout, Instant.EPOCH);
            copy.gaps.putAll(gaps);
            return copy;
        }

        void restore(Progress saved) {
            position = saved.position;
            done = saved.done;
            gaps.clear();
            gaps.putAll(saved.gaps);
        }

        String gapList() {
            return String.join(",", gaps.keySet().stream().map(String::valueOf).toList());
        }
    }

    private void work(Connection c) throws Exception {
        Map<String, Object> row = jdbc.queryForMap("SELECT state, position, gaps, done FROM crm_live_rebuild WHERE name = ?",
                READ_MODELS);
        String state = (String) row.get("state");
        if (!RUNNING.contains(state)) {
            return;
        }
        runBatches = 0;
        stopAt = stopAfterBatches;
        stopAfterBatches = -1;
        String live = queryString(c, "SELECT current_schema()");
        List<String> tables = rebuilder.tables();
        Instant now = clock.instant();
        boolean fresh = STARTING.equals(state) || !shadowComplete(c, tables);
        Progress progress;
        if (fresh) {
            log.info("live rebuild: copying the read models' tables {} into {}", tables, SHADOW);
            ShadowTables.create(c, live, SHADOW, tables);
            progress = new Progress(0, "", 0, gapTimeout, now);
            state = REPLAYING;
            update(c, "UPDATE crm_live_rebuild SET state = ?, position = 0, gaps = '', done = 0, run_done_from = 0, "
                    + "resumed_from = NULL, run_started_at = ?, updated_at = ?, owner = ?, tables = ?, error = NULL "
                    + "WHERE name = ?", state, at(now), at(now), owner, String.join(",", tables), READ_MODELS);
        } else {
            progress = new Progress(((Number) row.get("position")).longValue(), (String) row.get("gaps"),
                    ((Number) row.get("done")).longValue(), gapTimeout, now);
            log.info("live rebuild: resuming from global index {} ({} events done)", progress.position, progress.done);
            update(c, "UPDATE crm_live_rebuild SET run_done_from = done, resumed_from = position, run_started_at = ?, "
                    + "updated_at = ?, owner = ? WHERE name = ?", at(now), at(now), owner, READ_MODELS);
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = " + SHADOW + ", " + ShadowTables.quoted(live));
        }
        c.commit();
        long start = System.nanoTime();
        long from = progress.done;
        if (REPLAYING.equals(state)) {
            pass(c, progress, REPLAYING);
            long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            log.info("live rebuild: replayed {} events in {} ms ({} events/s)", progress.done - from, millis,
                    (progress.done - from) * 1000 / millis);
        }
        ShadowTables.createIndexes(c, live, SHADOW, tables);
        update(c, "UPDATE crm_live_rebuild SET state = ?, updated_at = ? WHERE name = ?", CATCHING_UP,
                at(clock.instant()), READ_MODELS);
        c.commit();
        while (head() - progress.position > switchLag) {
            pass(c, progress, CATCHING_UP);
        }
        switchOver(c, live, tables, progress);
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        log.info("live rebuild: done, {} events in {} ms ({} events/s)", progress.done - from, millis,
                (progress.done - from) * 1000 / millis);
    }

    /** Applies the events after the progress to the copies, a batch a transaction, each recording its progress. */
    private void pass(Connection c, Progress progress, String state) throws SQLException {
        StoredEvents events = rebuilder.events();
        StoredEvents after = () -> events.readAfter(progress.position, List.copyOf(progress.gaps.keySet()));
        rebuilder.replayOn(c, after, (connection, batch) -> {
            // once stopped, every batch of the run fails as the one that stopped it (a dead process commits nothing)
            if (stopAt >= 0 && ++runBatches > stopAt) {
                throw new Stopped();
            }
            seen(progress, batch);
            record(connection, progress, state);
        });
    }

    private void seen(Progress progress, List<? extends EventMessage<?>> batch) {
        for (EventMessage<?> event : batch) {
            progress.seen(StoredEvents.index(event), event.getTimestamp());
        }
        progress.expire(clock.instant());
    }

    private void record(Connection c, Progress progress, String state) throws SQLException {
        update(c, "UPDATE crm_live_rebuild SET state = ?, position = ?, gaps = ?, done = ?, updated_at = ? WHERE name = ?",
                state, progress.position, progress.gapList(), progress.done, at(clock.instant()), READ_MODELS);
    }

    /**
     * Takes the live tables, applies the events the copies lack, and puts the copies in their place, in one
     * transaction; a lock not had within the timeout (a command or read holds a table) is let go, the copies catch up
     * and the switch is tried again.
     */
    private void switchOver(Connection c, String live, List<String> tables, Progress progress) throws Exception {
        update(c, "UPDATE crm_live_rebuild SET state = ?, updated_at = ? WHERE name = ?", SWITCHING,
                at(clock.instant()), READ_MODELS);
        ShadowTables.dropRetired(c, RETIRED, tables);
        c.commit();
        String locked = String.join(", ", tables.stream().map(t -> ShadowTables.quoted(live) + "." + t).toList());
        var handlers = rebuilder.handlers();
        for (int attempt = 1; ; attempt++) {
            long asked = System.nanoTime();
            Progress saved = progress.copy();
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + lockTimeout.toMillis() + "ms'");
                s.execute("LOCK TABLE " + locked + " IN ACCESS EXCLUSIVE MODE");
                long held = System.nanoTime();
                List<EventMessage<?>> last;
                // on this connection: after the lock, each statement sees every commit before it
                try (Stream<? extends EventMessage<?>> events = rebuilder.events().readAfter(c, progress.position,
                        List.copyOf(progress.gaps.keySet()))) {
                    last = new ArrayList<>(events.toList());
                }
                long read = System.nanoTime();
                rebuilder.applyInTransaction(c, last, handlers);
                seen(progress, last);
                long applied = System.nanoTime();
                for (String table : tables) {
                    s.execute("ALTER TABLE " + ShadowTables.quoted(live) + "." + table + " SET SCHEMA " + RETIRED);
                    s.execute("ALTER TABLE " + SHADOW + "." + table + " SET SCHEMA " + ShadowTables.quoted(live));
                }
                long moved = System.nanoTime();
                long heldMillis = (moved - held) / 1_000_000;
                update(c, "UPDATE crm_live_rebuild SET state = ?, position = ?, gaps = ?, done = ?, updated_at = ?, "
                                + "finished_at = ?, switch_millis = ? WHERE name = ?", DONE, progress.position,
                        progress.gapList(), progress.done, at(clock.instant()), at(clock.instant()), heldMillis,
                        READ_MODELS);
                c.commit();
                log.info("live rebuild: switched over on attempt {}: the tables held {} ms ({} ms with the wait and the "
                                + "commit): reading the {} last events {} ms, applying them {} ms, moving the tables {} ms",
                        attempt, heldMillis, (System.nanoTime() - asked) / 1_000_000, last.size(),
                        (read - held) / 1_000_000, (applied - read) / 1_000_000, (moved - applied) / 1_000_000);
                break;
            } catch (SQLException e) {
                c.rollback();
                progress.restore(saved);
                String code = e.getSQLState();
                boolean busy = "55P03".equals(code) || "40P01".equals(code);
                if (!busy || attempt >= switchAttempts) {
                    throw e;
                }
                log.info("live rebuild: switch attempt {}: the tables are busy ({}); catching up and trying again",
                        attempt, e.getMessage());
                pass(c, progress, SWITCHING);
            }
        }
        try {
            ShadowTables.dropRetired(c, RETIRED, tables);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            log.warn("live rebuild: could not drop the retired tables now (the next rebuild will): {}", e.getMessage());
        }
    }

    private boolean shadowComplete(Connection c, List<String> tables) throws SQLException {
        for (String table : tables) {
            if (!queryBoolean(c, "SELECT to_regclass('" + SHADOW + "." + table + "') IS NOT NULL")) {
                return false;
            }
        }
        return true;
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private static boolean queryBoolean(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static String queryString(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
