package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures of docs/scaling.md: one and two CRM processes of the packaged jar on one PostgreSQL database, on this
 * machine. Not part of the normal build (its name does not end in IT); run it alone, with the jar packaged:
 * <pre>./mvnw -B verify -pl bench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ScalingBench \
 *   -Dfailsafe.failIfNoSpecifiedTests=false [-Dscaling.objects=15000 -Dscaling.seconds=20 -Dscaling.clients=16]</pre>
 * <ol>
 *   <li>commands a second (the benchmark's: a memo created, then changed with If-Match) by {@code scaling.clients}
 *       clients through one instance, then the same clients spread over two instances;</li>
 *   <li>the analytics processor's catch-up over a loaded store ({@code scaling.objects} objects of each of seven
 *       kinds copied into the store, as the benchmark loads it) with one instance holding both segments, then with two
 *       holding one each: its tokens reset to the tail and its tables emptied before each run;</li>
 *   <li>the takeover after a SIGKILL: until the survivor owns every segment, and until it has handled what was
 *       written meanwhile.</li>
 * </ol>
 * Prints {@code SCALING …} lines.
 */
class ScalingBench {

    private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    @RegisterExtension
    final CrmProcesses crm = new CrmProcesses("scaling");
    private String db;

    private CrmProcess start(String name) throws Exception {
        CrmProcess p = crm.start(db, name, List.of("-Xmx768m"), Map.of("CRM_INSTANCE_NAME", name));
        return p;
    }

    @Test
    void oneAndTwoInstances() throws Exception {
        int objects = Integer.getInteger("scaling.objects", 15_000);
        int seconds = Integer.getInteger("scaling.seconds", 20);
        int clients = Integer.getInteger("scaling.clients", 16);
        db = crm.database("scaling");
        CrmProcess a = start("scale-a");
        a.awaitReady(Duration.ofMinutes(2));
        Client admin = Client.admin(a.port());
        CrmLoader.People people = CrmLoader.people(admin);
        String manager = people.managers().get(0);

        // 1. commands a second: one instance, then two
        double one = commands(List.of(a), people.managers(), clients, seconds);
        CrmProcess b = start("scale-b");
        b.awaitReady(Duration.ofMinutes(2));
        double two = commands(List.of(a, b), people.managers(), clients, seconds);
        System.out.printf(Locale.ROOT, "SCALING commands: %d clients (memo created, then changed with If-Match) for %d s (after %d s warm-up): "
                + "one instance %.0f/s, two instances %.0f/s (x%.2f)%n", clients, seconds, seconds / 2, one, two,
                two / one);

        // 2. the analytics processor's catch-up over a loaded store
        CrmLoader.Loaded loaded = CrmLoader.load(db, CrmLoader.templates(db, new Client(a.port(), manager,
                Client.PASSWORD)), people, CrmLoader.stages(admin), objects);
        a.stop();
        b.stop();
        long events = Store.count(db, "SELECT COUNT(*) FROM domainevententry");
        double alone = catchUp(List.of("scale-a"), events);
        double shared = catchUp(List.of("scale-a", "scale-b"), events);
        System.out.printf(Locale.ROOT, "SCALING analytics catch-up over %d events (%d objects of each of 7 kinds): "
                + "one instance holding both segments %.0f events/s, two holding one each %.0f events/s (x%.2f)%n",
                events, loaded.perKind(), alone, shared, shared / alone);

        // 3. takeover after a SIGKILL (both are running from the last catch-up)
        CrmProcess killed = crm.processes().get(crm.processes().size() - 2);
        CrmProcess survivor = crm.processes().get(crm.processes().size() - 1);
        Client via = new Client(survivor.port(), manager, Client.PASSWORD);
        long before = requestsCounted(survivor);
        long killedAt = System.nanoTime();
        killed.kill();
        AtomicLong written = new AtomicLong();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(via.send("POST", "/api/requests", Map.of("subject", "Meanwhile", "firstName", "M",
                    "lastName", "W"), Map.of()).status()).isEqualTo(201);
            written.incrementAndGet();
            return SegmentsTwoInstancesIT.owners(db).values().stream()
                    .allMatch(s -> s.values().stream().allMatch("scale-b"::equals));
        });
        long owned = (System.nanoTime() - killedAt) / 1_000_000;
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> requestsCounted(survivor) >= before + written.get());
        long counted = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf(Locale.ROOT, "SCALING takeover: SIGKILL of one of two instances; the survivor owned every "
                + "segment after %d ms and had counted the %d requests written meanwhile after %d ms%n", owned,
                written.get(), counted);
    }

    /**
     * The benchmark's commands ({@link Load}: each client creates a memo, then changes it with If-Match four times),
     * client i as manager i through instance i mod n: commands answered with success a second, after a warm-up.
     */
    private double commands(List<CrmProcess> instances, List<String> managers, int clients, int seconds)
            throws Exception {
        // one client (one HTTP connection) each for the whole run, as the benchmark has them
        Client[] fixed = new Client[clients];
        for (int c = 0; c < clients; c++) {
            fixed[c] = new Client(instances.get(c % instances.size()).port(), managers.get(c % managers.size()),
                    Client.PASSWORD);
        }
        Load load = new Load("scale" + instances.size(), clients, c -> fixed[c], managers.get(managers.size() - 1))
                .start();
        // warm-up, then the measured window: the clients' own pace decides, the test only waits
        new CountDownLatch(1).await(seconds / 2, TimeUnit.SECONDS);
        int from = load.acknowledged.size();
        long start = System.nanoTime();
        new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
        int to = load.acknowledged.size();
        double elapsed = (System.nanoTime() - start) / 1e9;
        load.stop();
        return (to - from) / elapsed;
    }

    /**
     * Resets the analytics processor to the store's tail (tokens, owners and tables), starts the instances, and
     * measures how fast its slowest segment moves from a tenth of the store to its head: events a second.
     */
    private double catchUp(List<String> names, long events) throws Exception {
        try (Connection c = Pg.connect(db); Statement s = c.createStatement()) {
            s.execute("UPDATE tokenentry SET token = NULL, tokentype = NULL, owner = NULL "
                    + "WHERE processorname = 'analytics'");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE tablename LIKE 'anl\\_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            s.execute("TRUNCATE " + String.join(", ", tables));
        }
        long head = Store.count(db, "SELECT MAX(globalindex) FROM domainevententry");
        List<CrmProcess> started = new ArrayList<>();
        for (String name : names) {
            started.add(start(name));
        }
        for (CrmProcess p : started) {
            p.awaitReady(Duration.ofMinutes(3));
        }
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> slowestSegment() >= head / 10);
        long from = System.nanoTime();
        long at = slowestSegment();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> slowestSegment() >= head);
        double rate = (head - at) / ((System.nanoTime() - from) / 1e9);
        System.out.printf(Locale.ROOT, "SCALING catch-up with %s: owners %s%n", names, SegmentsTwoInstancesIT.owners(db)
                .get("analytics"));
        if (names.size() == 1) {
            started.forEach(CrmProcess::stop);
        }
        return rate * events / Math.max(1, head);
    }

    /** The global index the analytics processor's slowest segment has reached (0 before it has a token). */
    private long slowestSegment() throws Exception {
        long slowest = Long.MAX_VALUE;
        int segments = 0;
        try (Connection c = Pg.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE processorname = 'analytics'")) {
            while (rs.next()) {
                segments++;
                String token = rs.getString(1);
                Matcher m = token == null ? null : INDEX.matcher(token);
                slowest = Math.min(slowest, m != null && m.find() ? Long.parseLong(m.group(1)) : 0);
            }
        }
        return segments == 0 ? 0 : slowest;
    }

    private long requestsCounted(CrmProcess p) {
        return Client.admin(p.port()).get("/api/analytics/requests").body().get("total").asLong();
    }
}
