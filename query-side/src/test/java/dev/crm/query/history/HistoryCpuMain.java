package dev.crm.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.query.EventFeed;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.file.FileQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.file.FileAttached;
import dev.crm.shared.memo.MemoChanged;
import dev.crm.shared.memo.MemoCreated;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Not a test: the CPU one history request costs this JVM for an object of 1,000 events, without and with the
 * {@link HistoryCache}, on the JDBC event store (Jackson, bytea) and read model of the tests' PostgreSQL — what the
 * benchmark's history phase measures through HTTP, without HTTP. Run from the module after {@code test-compile}:
 * {@code java -cp target/test-classes:target/classes:<test classpath> dev.crm.query.history.HistoryCpuMain}.
 */
public final class HistoryCpuMain {

    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (PostgresSchema db = PostgresSchema.fresh()) {
            EventFeed feed = new EventFeed(ReadModels.on(db).projections());
            // memo 1: sent to bob, 999 description edits (as the benchmark makes it) and a file;
            // memo 2: the same, written as a draft and sent at its 500th event (bob reads it from there)
            for (long memo = 1; memo <= 2; memo++) {
                boolean draft = memo == 2;
                feed.publish(memo, new MemoCreated(memo, "A memo with a long history", "rev 0", draft ? null : "bob",
                        draft, "alice", 7L), "alice");
                feed.publish(100 + memo, new FileAttached(100 + memo, memo, "a".repeat(64), "plan.pdf", 10,
                        "application/pdf"), "alice");
                for (int v = 1; v < 1000; v++) {
                    List<FieldChange> changes = new ArrayList<>(List.of(FieldChange.of("description", "rev " + (v - 1),
                            "rev " + v)));
                    if (draft && v == 500) {
                        changes.add(FieldChange.of("to", null, "bob"));
                        changes.add(FieldChange.of("draft", true, false));
                    }
                    feed.publish(memo, new MemoChanged(memo, changes), "alice");
                }
            }
            JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                    .connectionProvider(new DataSourceConnectionProvider(db.dataSource))
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .dataType(byte[].class)
                    .build();
            engine.appendEvents(feed.events());
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                HistoryReader uncached = new HistoryReader(store, new FileQueries(db.jdbc), db.jdbc, new HistoryCache(0), new ObjectMentions(db.jdbc));
                HistoryCache cache = new HistoryCache(64L << 20);
                HistoryReader cached = new HistoryReader(store, new FileQueries(db.jdbc), db.jdbc, cache, new ObjectMentions(db.jdbc));
                Actor alice = Actor.of("alice");
                Actor bob = Actor.of("bob");
                if (!uncached.history(1, alice).equals(cached.history(1, alice))
                        || !uncached.history(2, bob).equals(cached.history(2, bob))) {
                    throw new IllegalStateException("cached and uncached histories differ");
                }
                System.out.printf(Locale.ROOT, "memo 1: %d entries; memo 2 for bob: %d entries%n",
                        cached.history(1, alice).entries().size(), cached.history(2, bob).entries().size());
                for (int pass = 0; pass < 2; pass++) {
                    // pass 0 warms up
                    int n = pass == 0 ? rounds / 2 : rounds;
                    boolean print = pass == 1;
                    measure(print, "no cache, memo 1 as alice", n / 5, () -> uncached.history(1, alice));
                    measure(print, "no cache, memo 2 as bob", n / 5, () -> uncached.history(2, bob));
                    measure(print, "cache, memo 1 as alice", n, () -> cached.history(1, alice));
                    measure(print, "cache, memo 2 as bob", n, () -> cached.history(2, bob));
                    measure(print, "cache + JSON answer, memo 1 as alice", n,
                            () -> JSON.writeValueAsBytes(Map.of("entries", cached.history(1, alice).entries())));
                    measure(print, "versions query alone", n, () -> db.jdbc.queryForList(
                            "SELECT id, version FROM crm_object WHERE id = ?", 1L));
                }
                System.out.printf(Locale.ROOT, "cache: %d hits, %d misses, %d objects, %.2f MB estimated%n",
                        cache.hits(), cache.misses(), cache.objects(), cache.bytes() / 1048576.0);
                heap(store, db);
            } finally {
                store.shutDown();
            }
        }
    }

    interface Call {
        Object run() throws Exception;
    }

    static void measure(boolean print, String name, int n, Call call) throws Exception {
        long[] cpu = new long[n];
        long[] wall = new long[n];
        for (int i = 0; i < n; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            call.run();
            wall[i] = System.nanoTime() - w;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
        }
        if (print) {
            Arrays.sort(wall);
            System.out.printf(Locale.ROOT, "%-40s n=%5d  CPU mean %7.3f ms   wall p50 %7.3f ms  p99 %7.3f ms%n", name, n,
                    Arrays.stream(cpu).average().orElse(0) / 1e6, wall[n / 2] / 1e6, wall[(int) (n * 0.99)] / 1e6);
        }
    }

    /** The heap one kept history of memo 1 takes, against its estimate ({@link ObjectHistory#bytes()}). */
    static void heap(EmbeddedEventStore store, PostgresSchema db) {
        int copies = 20;
        List<HistoryCache> caches = new ArrayList<>();
        long before = usedAfterGc();
        for (int i = 0; i < copies; i++) {
            HistoryCache cache = new HistoryCache(64L << 20);
            new HistoryReader(store, new FileQueries(db.jdbc), db.jdbc, cache, new ObjectMentions(db.jdbc)).history(1, null);
            caches.add(cache);
        }
        long after = usedAfterGc();
        System.out.printf(Locale.ROOT, "one kept history of memo 1: %.0f KB on the heap, %.0f KB estimated%n",
                (after - before) / 1024.0 / copies, caches.get(0).bytes() / 1024.0);
        if (caches.isEmpty()) {
            throw new IllegalStateException();
        }
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
