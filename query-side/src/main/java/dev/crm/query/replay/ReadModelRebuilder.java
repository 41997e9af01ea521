package dev.crm.query.replay;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throws the read models away and builds them again from the event store, through the very handlers
 * that keep them up to date (every {@code @ProcessingGroup} bean of the query side), committing every
 * {@value #BATCH} events. Because every projection write is guarded by the event's version, applying an
 * event a second time changes nothing.
 *
 * <p>How it goes fast (docs/architecture.md; figures in docs/benchmarks.md): the tables are emptied with
 * {@code TRUNCATE}, and on PostgreSQL their plain indexes dropped until they are full ({@link ReadModelIndexes}).
 * Three threads then work at once: a reader reads and deserializes the store ({@link StoredEvents}; in the
 * application one query over a cursor, {@link JdbcStoredEvents}) into a short queue of batches; this thread runs
 * the handlers over a batch, collecting its statements ({@link ProjectionWrites#collecting}, which puts them in
 * the order they will be sent); a sender sends the batch before it as JDBC batches and commits it, on the
 * rebuild's own connection ({@link RebuildConnection}), in transactions that on PostgreSQL do not wait for their
 * commit to reach the disk ({@code synchronous_commit = off}: a crash loses at most the last batches of a rebuild
 * that has to be run again anyway; commands keep waiting for theirs). A batch whose statements fail is rolled
 * back and applied again event by event, so the failure names its event as before.
 *
 * <p>{@link #rebuild()} is a stop-the-world rebuild: run it while no commands arrive (an admin action at start-up).
 * {@link LiveRebuild} rebuilds while the service takes commands, into shadow copies of the tables, with the same
 * machinery ({@link #replayOn(Connection, StoredEvents, BeforeCommit)}: a source of events and a step run in each
 * batch's transaction just before its commit, where it records its progress).
 */
@Component
public class ReadModelRebuilder implements SmartInitializingSingleton {

    static final int BATCH = 1_000;
    /** How many read batches may wait for the writer. */
    static final int QUEUED_BATCHES = 4;
    /** How many handled batches may wait to be sent. */
    static final int SENT_BATCHES = 2;
    /** The row of {@code crm_maintenance} that is set while the read models are rebuilt. */
    public static final String MAINTENANCE = "read-model-rebuild";
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);
    private static final Object END = new Object();

    private final StoredEvents events;
    private final RebuildConnection connections;
    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ProjectionWrites writes;
    private volatile ProjectionWrites.ReplayCounts lastCounts = new ProjectionWrites.ReplayCounts();
    private int batchSize = BATCH;
    private boolean dropIndexes = true;

    /**
     * In the application: the store's one-pass reader ({@link JdbcStoredEvents}) and the rebuild's own
     * connection when the configuration gives them, else the engine's tracking read and a pooled connection.
     */
    @Autowired
    public ReadModelRebuilder(EventStorageEngine store, ObjectProvider<StoredEvents> events,
                              ObjectProvider<RebuildConnection> connections, ApplicationContext context,
                              JdbcTemplate jdbc, PlatformTransactionManager transactions, ProjectionWrites writes) {
        this(events.getIfAvailable(() -> StoredEvents.of(store)),
                connections.getIfAvailable(() -> jdbc.getDataSource()::getConnection), context, jdbc, transactions,
                writes);
    }

    /** Reading through the storage engine, writing on a connection of {@code jdbc}'s data source. */
    public ReadModelRebuilder(EventStorageEngine store, ApplicationContext context, JdbcTemplate jdbc,
                              PlatformTransactionManager transactions, ProjectionWrites writes) {
        this(StoredEvents.of(store), jdbc.getDataSource()::getConnection, context, jdbc, transactions, writes);
    }

    public ReadModelRebuilder(StoredEvents events, RebuildConnection connections, ApplicationContext context,
                              JdbcTemplate jdbc, PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.events = events;
        this.connections = connections;
        this.context = context;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.writes = writes;
    }

    /** Events per batch (a transaction); {@value #BATCH} unless a test asks for others. */
    ReadModelRebuilder batchSize(int events) {
        this.batchSize = events;
        return this;
    }

    /** Every table a read model writes ({@link ReadModel#tables()} of each one), in name order. */
    public List<String> tables() {
        return context.getBeansOfType(ReadModel.class).values().stream().flatMap(m -> m.tables().stream())
                .distinct().sorted().toList();
    }

    /** What the last rebuild or replay sent (statements, executions, forced flushes, batches applied again). */
    public ProjectionWrites.ReplayCounts lastCounts() {
        return lastCounts;
    }

    /** Empties the read models and replays every stored event; returns how many events were replayed. */
    public long rebuild() {
        // Content purging reads the reference counts; it must not see them half rebuilt. Setting the flag
        // waits for a purge under way (it holds the flag row's lock), and purges skip while it is set.
        tx.executeWithoutResult(s -> jdbc.update(
                "UPDATE crm_maintenance SET active = TRUE WHERE name = '" + MAINTENANCE + "'"));
        try {
            List<String> tables = tables();
            return onRebuildConnection(connection -> {
                empty(connection, tables);
                if (writes.postgres() && dropIndexes) {
                    ReadModelIndexes.drop(connection, tables);
                }
                long count;
                try {
                    count = replayOn(connection, events, BeforeCommit.NOTHING);
                } catch (RuntimeException | SQLException e) {
                    createDroppedIndexes(connection, e);
                    throw e;
                }
                createDroppedIndexes(connection, null);
                return count;
            });
        } finally {
            tx.executeWithoutResult(s -> jdbc.update(
                    "UPDATE crm_maintenance SET active = FALSE WHERE name = '" + MAINTENANCE + "'"));
        }
    }

    /** Applies every stored event to the read models as they are (idempotent); returns the count. */
    public long replay() {
        return onRebuildConnection(connection -> replayOn(connection, events, BeforeCommit.NOTHING));
    }

    /**
     * Run in each batch's transaction on the rebuild's connection, after its statements and before its commit (on the
     * sending thread; batches in their order): a live rebuild records there how far it got, atomically with the batch.
     */
    @FunctionalInterface
    interface BeforeCommit {
        BeforeCommit NOTHING = (connection, batch) -> { };

        void run(Connection connection, List<EventMessage<?>> batch) throws SQLException;
    }

    /** Whether the read models are on PostgreSQL. */
    boolean postgres() {
        return writes.postgres();
    }

    /** A connection for a rebuild ({@link RebuildConnection}). */
    Connection openConnection() throws SQLException {
        return connections.open();
    }

    /** The stored events as this rebuilder reads them. */
    StoredEvents events() {
        return events;
    }

    /** The names of the processors whose handlers a rebuild replays (the query side's processing groups), sorted. */
    public List<String> processors() {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> bean.getClass().getPackageName().startsWith("dev.crm.query"))
                .map(bean -> org.springframework.core.annotation.AnnotatedElementUtils
                        .findMergedAnnotation(bean.getClass(), ProcessingGroup.class).value())
                .distinct().sorted().toList();
    }

    /**
     * Applies these events to the read models in the connection's open transaction, without committing (a live
     * rebuild's last events, while it holds the tables).
     */
    void applyInTransaction(Connection connection, List<? extends EventMessage<?>> batch,
                            List<AnnotationEventHandlerAdapter> handlers) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        ProjectionWrites.ReplayCounts counts = new ProjectionWrites.ReplayCounts();
        writes.replaying(connection, counts, () -> {
            for (EventMessage<?> event : batch) {
                try {
                    handle(handlers, event);
                } catch (EventFailed e) {
                    throw e.named;
                }
            }
            return null;
        });
    }

    private interface OnConnection {
        long run(Connection connection) throws SQLException;
    }

    private long onRebuildConnection(OnConnection work) {
        try (Connection connection = connections.open()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("read-model rebuild: " + e.getMessage(), e);
        }
    }

    /**
     * Empties the tables in a transaction of their own: {@code TRUNCATE} (no dead rows left behind for the
     * replay's inserts and indexes to wade through, as {@code DELETE} left them); no read-model table has a
     * foreign key, on PostgreSQL they go in one statement.
     */
    private void empty(Connection connection, List<String> tables) throws SQLException {
        try (Statement s = connection.createStatement()) {
            if (writes.postgres()) {
                s.execute("TRUNCATE " + String.join(", ", tables));
            } else {
                for (String table : tables) {
                    s.execute("TRUNCATE TABLE " + table);
                }
            }
        }
        connection.commit();
    }

    /** On PostgreSQL: the indexes this rebuild dropped, or an earlier one left dropped, created again. */
    private void createDroppedIndexes(Connection connection, Exception failure) throws SQLException {
        if (!writes.postgres()) {
            return;
        }
        try {
            ReadModelIndexes.createDropped(connection);
        } catch (SQLException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /**
     * Whether a rebuild on PostgreSQL drops the read models' plain indexes while it fills the tables
     * ({@link ReadModelIndexes}; {@code crm.rebuild.drop-indexes}, on by default).
     */
    @Value("${crm.rebuild.drop-indexes:true}")
    public void setDropIndexes(boolean dropIndexes) {
        this.dropIndexes = dropIndexes;
    }

    /**
     * At start-up on PostgreSQL: the indexes a rebuild dropped and could not create again (the process died in
     * between) are created now. The read models such a rebuild left are incomplete: rebuild them.
     */
    @Override
    public void afterSingletonsInstantiated() {
        if (!writes.postgres()) {
            return;
        }
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            if (ReadModelIndexes.anyDropped(connection)) {
                log.warn("a read-model rebuild did not finish: creating its dropped indexes again; the read models "
                        + "it left are incomplete, rebuild them (CRM_REBUILD_READ_MODELS=true)");
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    ReadModelIndexes.createDropped(connection);
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the read models' dropped indexes: " + e.getMessage(), e);
        }
    }

    /** The query side's handlers, ready to be called (inspecting them takes a while: do it before holding tables). */
    List<AnnotationEventHandlerAdapter> handlers() {
        return context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> bean.getClass().getPackageName().startsWith("dev.crm.query"))
                .map(AnnotationEventHandlerAdapter::new).toList();
    }

    /**
     * Applies the events of {@code source} to the read models on {@code connection} (auto-commit off), a batch a
     * transaction, {@code beforeCommit} run in each; returns how many.
     */
    long replayOn(Connection connection, StoredEvents source, BeforeCommit beforeCommit) throws SQLException {
        List<AnnotationEventHandlerAdapter> handlers = handlers();
        ProjectionWrites.ReplayCounts counts = new ProjectionWrites.ReplayCounts();
        lastCounts = counts;
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(() -> read(source, queue, stop), "read-model-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        Sender sender = new Sender(connection, handlers, counts, beforeCommit);
        long count = 0;
        long cpu = threadCpu();
        try {
            for (Object item = take(queue, counts); item != END; item = take(queue, counts)) {
                if (item instanceof RuntimeException failure) {
                    sender.finish();
                    throw failure;
                }
                @SuppressWarnings("unchecked")
                List<EventMessage<?>> batch = (List<EventMessage<?>>) item;
                ProjectionWrites.Collected collected;
                try {
                    collected = writes.collecting(counts, sender::drained, () -> {
                        for (EventMessage<?> event : batch) {
                            handle(handlers, event);
                        }
                        return null;
                    });
                } catch (EventFailed e) {
                    // what came before is sent first: a failure there is the one to name
                    sender.finish();
                    throw e.named;
                } catch (Exception e) {
                    // statements sent early (a handler read or counted) failed: this batch again, event by event
                    sender.finish();
                    connection.rollback();
                    sender.applyEventByEvent(batch, e);
                    count += batch.size();
                    continue;
                }
                sender.submit(batch, collected);
                count += batch.size();
            }
            sender.finish();
        } finally {
            sender.stop();
            // A reader still running (this thread failed) stops at its next event; emptying the queue frees it if
            // it waits to put a batch, and it puts at most one more. (No interrupt: it may be inside the
            // database driver, whose file channels, H2's, an interrupt would close.)
            stop.set(true);
            queue.clear();
            try {
                reader.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("replayed {} events into the read models {}: {}; CPU: handling {} ms, sending {} ms, reading {} ms",
                count, tables(), counts, (threadCpu() - cpu) / 1_000_000, sender.cpu / 1_000_000,
                readerCpu / 1_000_000);
        return count;
    }

    /**
     * Sends the batches the rebuilding thread collected, on a thread of its own, each in a transaction of its own:
     * while the database works on one batch, the next is handled. A batch that fails is rolled back; the
     * rebuilding thread then applies it again event by event ({@link #applyEventByEvent}), which names the
     * failing event, and sends what follows itself.
     */
    private final class Sender {
        private record Work(List<EventMessage<?>> batch, ProjectionWrites.Collected collected, CountDownLatch done) {
        }

        private static final Work STOP = new Work(null, null, new CountDownLatch(0));

        private final Connection connection;
        private final List<AnnotationEventHandlerAdapter> handlers;
        private final ProjectionWrites.ReplayCounts counts;
        private final BeforeCommit beforeCommit;
        private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(SENT_BATCHES);
        private final List<Work> skipped = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile Work failed;
        private volatile Exception failure;
        private volatile long cpu;
        /** The rebuilding thread's: the last batch handed over; whether this thread sends itself now. */
        private Work last;
        private boolean synchronous;

        Sender(Connection connection, List<AnnotationEventHandlerAdapter> handlers,
               ProjectionWrites.ReplayCounts counts, BeforeCommit beforeCommit) {
            this.beforeCommit = beforeCommit;
            this.connection = connection;
            this.handlers = handlers;
            this.counts = counts;
            this.thread = new Thread(this::run, "read-model-rebuild-sender");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            long start = threadCpu();
            try {
                for (Work work = queue.take(); work != STOP; work = queue.take()) {
                    if (failed != null) {
                        skipped.add(work);
                    } else {
                        try {
                            sendAndCommit(work);
                        } catch (Exception e) {
                            rollback();
                            failure = e;
                            failed = work;
                        }
                    }
                    work.done().countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                cpu = threadCpu() - start;
            }
        }

        private void sendAndCommit(Work work) throws SQLException {
            begin(connection);
            writes.send(connection, work.collected(), counts);
            beforeCommit.run(connection, work.batch());
            long start = System.nanoTime();
            connection.commit();
            counts.committingNanos += System.nanoTime() - start;
        }

        private void rollback() {
            try {
                connection.rollback();
            } catch (SQLException e) {
                log.warn("could not roll back a failed batch of the replay: {}", e.toString());
            }
        }

        /** Hands a batch over (waiting while two are queued), or sends it at once after a failure. */
        void submit(List<EventMessage<?>> batch, ProjectionWrites.Collected collected) throws SQLException {
            Work work = new Work(batch, collected, new CountDownLatch(1));
            if (!synchronous && failed != null) {
                recover();
            }
            if (synchronous) {
                sendNow(work);
                return;
            }
            last = work;
            put(work);
        }

        /** The connection, once every batch handed over has been sent: for statements a handler needs sent now. */
        Connection drained() throws SQLException {
            if (!synchronous) {
                if (last != null) {
                    await(last.done());
                }
                if (failed != null) {
                    recover();
                }
            }
            return connection;
        }

        /** Waits until every batch handed over has been sent; a failed one is applied again event by event. */
        void finish() throws SQLException {
            if (!synchronous) {
                stop();
                if (failed != null) {
                    recover();
                }
                synchronous = true;
            }
        }

        /** Ends the thread once it has sent what it was handed. */
        void stop() {
            if (thread.isAlive()) {
                put(STOP);
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void recover() throws SQLException {
            stop();
            synchronous = true;
            applyEventByEvent(failed.batch(), failure);
            for (Work work : skipped) {
                sendNow(work);
            }
            skipped.clear();
        }

        private void sendNow(Work work) throws SQLException {
            try {
                sendAndCommit(work);
            } catch (RuntimeException e) {
                rollback();
                applyEventByEvent(work.batch(), e);
            }
        }

        /**
         * A batch whose statements failed together ({@code cause}), rolled back: applied again in one transaction,
         * each event's statements sent as soon as it is handled, so a failure names its event.
         */
        void applyEventByEvent(List<EventMessage<?>> batch, Exception cause) throws SQLException {
            log.warn("a batch of the replay failed as a whole ({}); applying it again event by event", cause.toString());
            counts.batchesAppliedAgain++;
            begin(connection);
            for (EventMessage<?> event : batch) {
                try {
                    writes.replaying(connection, counts, () -> {
                        handle(handlers, event);
                        return null;
                    });
                } catch (EventFailed e) {
                    connection.rollback();
                    throw e.named;
                } catch (Exception e) {
                    connection.rollback();
                    throw failedAt(event, e);
                }
            }
            beforeCommit.run(connection, batch);
            connection.commit();
        }

        private void put(Work work) {
            try {
                long start = System.nanoTime();
                queue.put(work);
                counts.waitingForSendingNanos += System.nanoTime() - start;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("read-model rebuild interrupted", e);
            }
        }

        private void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("read-model rebuild interrupted", e);
            }
        }
    }

    private static Object take(BlockingQueue<Object> queue, ProjectionWrites.ReplayCounts counts) {
        try {
            long start = System.nanoTime();
            Object item = queue.take();
            counts.waitingNanos += System.nanoTime() - start;
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("read-model rebuild interrupted", e);
        }
    }

    /**
     * The reader thread: batches of deserialized events into the queue, then {@link #END}; or the failure (one
     * that an event's deserialization caused names the event). Stops when {@code stop} is set.
     */
    private volatile long readerCpu;

    private static long threadCpu() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : 0;
    }

    private void read(StoredEvents source, BlockingQueue<Object> queue, AtomicBoolean stop) {
        long cpu = threadCpu();
        try {
            try (Stream<? extends EventMessage<?>> stream = source.readAll()) {
                List<EventMessage<?>> batch = new ArrayList<>(batchSize);
                for (Iterator<? extends EventMessage<?>> it = stream.iterator(); it.hasNext() && !stop.get(); ) {
                    EventMessage<?> event = it.next();
                    try {
                        // deserialized here, not on the writing thread
                        event.getPayload();
                        event.getMetaData();
                        event.getTimestamp();
                    } catch (RuntimeException e) {
                        throw failedAt(event, e);
                    }
                    batch.add(event);
                    if (batch.size() == batchSize) {
                        queue.put(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (stop.get()) {
                    return;
                }
                if (!batch.isEmpty()) {
                    queue.put(batch);
                }
            }
            readerCpu = threadCpu() - cpu;
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stop.get()) {
                try {
                    queue.put(e);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static IllegalStateException failedAt(EventMessage<?> event, Exception e) {
        return new IllegalStateException("replay failed at event " + event.getIdentifier(), e);
    }

    /** A handler failed on this event. */
    private static final class EventFailed extends Exception {
        final IllegalStateException named;

        EventFailed(EventMessage<?> event, Exception cause) {
            super(cause);
            this.named = failedAt(event, cause);
        }
    }

    private static void handle(List<AnnotationEventHandlerAdapter> handlers, EventMessage<?> event) throws EventFailed {
        try {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            }
        } catch (Exception e) {
            throw new EventFailed(event, e);
        }
    }

    /** The batch's transaction: on PostgreSQL its commit does not wait for the disk (see the class comment). */
    private void begin(Connection connection) throws SQLException {
        if (writes.postgres()) {
            try (Statement s = connection.createStatement()) {
                s.execute("SET LOCAL synchronous_commit = off");
            }
        }
    }
}
