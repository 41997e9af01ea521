package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reliability 3 and 6 with two CRM processes on one database.
 *
 * <p>3: both serve the API, and what one writes the other reads at once (each projects its own events in
 * the command's transaction, so the read models have no segments to split: see docs/reliability.md; the streaming
 * processors' segments are split and taken over in {@link SegmentsTwoInstancesIT}); when one is
 * killed with SIGKILL under load, the other carries on and the read models stay complete.
 *
 * <p>6: writers racing on the same objects through both instances get 409s (Axon's per-aggregate lock
 * only serializes commands within one process); each conflict leaves exactly one gap in the global
 * index, and nothing else does.
 */
class TwoInstancesIT {

    @RegisterExtension
    final CrmProcesses crm = new CrmProcesses("reliability");
    private String db;

    private CrmProcess start(String name) throws Exception {
        CrmProcess p = crm.start(db, name, CrmProcesses.SMALL, Map.of());
        return p;
    }

    @Test
    void bothServeConflictsLeaveOneGapEachAndKillingOneLosesNothing() throws Exception {
        db = crm.database("two");
        CrmProcess a = start("two-a");
        a.awaitReady(Duration.ofMinutes(2));
        CrmProcess b = start("two-b");
        b.awaitReady(Duration.ofMinutes(2));
        Client adminA = Client.admin(a.port());
        adminA.newUser("chief", "chief");
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            writers.add(adminA.newUser("writer" + i, "manager").username);
        }
        Client writerA = new Client(a.port(), writers.get(0), Client.PASSWORD);
        Client writerB = new Client(b.port(), writers.get(0), Client.PASSWORD);

        // both serve: written through one, read through the other at once
        for (int i = 0; i < 20; i++) {
            Client in = i % 2 == 0 ? writerA : writerB;
            Client out = i % 2 == 0 ? writerB : writerA;
            Client.Response created = in.send("POST", "/api/memos", Map.of("title", "both-" + i, "to", "chief"), Map.of());
            assertThat(created.status()).isEqualTo(201);
            Client.Response read = out.get("/api/memos/" + created.id());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("title").asText()).isEqualTo("both-" + i);
            Client.Response changed = out.send("PATCH", "/api/memos/" + created.id(), Map.of("description", "via other"),
                    Map.of("If-Match", "\"1\""));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(in.get("/api/memos/" + created.id()).header("ETag")).isEqualTo("\"2\"");
        }

        // 6: blind writes racing through both instances on three objects
        List<Long> hot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hot.add(writerA.send("POST", "/api/memos", Map.of("title", "hot-" + i, "draft", true), Map.of()).id());
        }
        long from = Store.count(db, "SELECT MAX(globalindex) FROM domainevententry");
        Map<Integer, Integer> raced = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Map<Integer, Integer>>> futures = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                Client c = writer % 2 == 0 ? writerA : writerB;
                Map<Integer, Integer> mine = new TreeMap<>();
                for (int r = 0; r < 40; r++) {
                    Client.Response resp = r % 4 == 3
                            ? c.send("PATCH", "/api/memos/" + hot.get(r % 3), Map.of("description", "stale"),
                                    Map.of("If-Match", "\"1\""))
                            : c.send("PATCH", "/api/memos/" + hot.get((writer + r) % 3),
                                    Map.of("description", "w" + writer + "r" + r), Map.of());
                    mine.merge(resp.status(), 1, Integer::sum);
                }
                return mine;
            }));
        }
        for (Future<Map<Integer, Integer>> f : futures) {
            f.get().forEach((s, n) -> raced.merge(s, n, Integer::sum));
        }
        pool.shutdown();
        assertThat(raced.keySet()).isSubsetOf(200, 409, 412);
        long conflicts = raced.getOrDefault(409, 0);
        long gaps = Store.gaps(db, from);
        assertThat(gaps).isBetween(conflicts - 1, conflicts);
        assertThat(gaps).isLessThan(250);

        // 3: clients on both instances; one is killed; its clients move to the other
        CrmProcess[] byClient = new CrmProcess[8];
        for (int c = 0; c < 8; c++) {
            byClient[c] = c % 2 == 0 ? a : b;
        }
        Load load = new Load("two", 8, c -> {
            if (!byClient[c].alive()) {
                byClient[c] = b;
            }
            return new Client(byClient[c].port(), writers.get(c), Client.PASSWORD);
        }, "chief").start();
        CrashUnderLoadIT.awaitMoreAnswers(load, 100);
        a.kill();
        int atKill = load.acknowledged.size();
        // B keeps serving: A's clients move over and get answers from it
        CrashUnderLoadIT.awaitMoreAnswers(load, 100);
        load.stop();
        assertThat(load.acknowledged.size()).as("B kept serving").isGreaterThan(atKill + 20);

        Client chiefB = new Client(b.port(), "chief", Client.PASSWORD);
        Map<String, Integer> written = Store.writtenValues(db);
        for (Load.Ack ack : load.acknowledged) {
            assertThat(written.get(ack.value())).as("acknowledged %s stored once", ack.value()).isEqualTo(1);
            assertThat(chiefB.get("/api/memos/" + ack.id()).status()).isEqualTo(200);
        }
        assertThat(Store.memosBehindTheStore(db)).isZero();
        assertThat(Store.count(db, "SELECT COUNT(*) FROM crm_object WHERE kind = 'memo'")).isEqualTo(
                Store.count(db, "SELECT COUNT(DISTINCT aggregateidentifier) FROM domainevententry "
                        + "WHERE payloadtype LIKE '%MemoCreated'"));
        System.out.printf("RELIABILITY two instances: 20 write-here-read-there round trips; racing blind writes %s, "
                        + "%d gaps for %d conflicts; SIGKILL of one under 8 clients: %d acknowledged (%d after the "
                        + "kill), all stored once and readable on the survivor; %d unanswered; read models match the "
                        + "store%n", raced, gaps, conflicts, load.acknowledged.size(), load.acknowledged.size() - atKill,
                load.unanswered.size());
    }
}
