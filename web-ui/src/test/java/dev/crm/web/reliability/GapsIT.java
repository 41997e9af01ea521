package dev.crm.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reliability 6: gaps in the global index stay bounded. A gap is an index taken by an insert that rolled
 * back; a tracking token must remember each one until it is older than its window. Because commands are
 * validated before any event is appended (a stale If-Match, bad input or a refused rule appends nothing),
 * the only inserts that roll back are true races on the unique key: after a long run of concurrent
 * writers with conflicts and rejections, the number of gaps is exactly the number of 409 answers.
 */
@CrmIntegrationTest
class GapsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyRacesOnTheUniqueKeyLeaveGapsAndEachLeavesExactlyOne() throws Exception {
        Api api = new Api(port);
        String owner = api.newUser("owner");
        List<Long> hot = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            hot.add(api.as(owner, "POST", "/api/memos", Map.of("title", "Hot " + i, "draft", true)).body().get("id")
                    .asLong());
        }
        long from = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();
        AtomicInteger invalid = new AtomicInteger();
        int writers = 16;
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            futures.add(pool.submit(() -> {
                for (int r = 0; r < rounds; r++) {
                    long id = hot.get((writer + r) % hot.size());
                    Api.Response response = switch (r % 4) {
                        // blind write: races give 409
                        case 0, 1 -> api.as(owner, "PATCH", "/api/memos/" + id, Map.of("description", writer + "/" + r));
                        // a version that is surely stale: 412 before anything is appended
                        case 2 -> api.as(owner, "PATCH", "/api/memos/" + id, Map.of("description", "stale"),
                                Map.of("If-Match", "\"1\""));
                        // bad input: 400 before anything is appended
                        default -> api.as(owner, "PATCH", "/api/memos/" + id, Map.of("title", "x".repeat(500)));
                    };
                    switch (response.status()) {
                        case 200 -> applied.incrementAndGet();
                        case 409 -> conflicts.incrementAndGet();
                        case 412 -> stale.incrementAndGet();
                        case 400 -> invalid.incrementAndGet();
                        default -> throw new AssertionError("unexpected " + response.status() + " " + response.text());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        long to = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);
        long stored = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domainevententry WHERE globalindex > ? AND globalindex <= ?", Long.class, from, to);
        long gaps = (to - from) - stored;
        System.out.printf("RELIABILITY gaps: %d writers x %d commands: %d applied, %d conflicts (409), %d stale (412), "
                        + "%d invalid (400); %d events stored, %d gaps in the global index%n", writers, rounds,
                applied.get(), conflicts.get(), stale.get(), invalid.get(), stored, gaps);
        assertThat(stored).isEqualTo(applied.get());
        assertThat(stale.get()).isGreaterThan(0);
        assertThat(invalid.get()).isEqualTo(writers * rounds / 4);
        // the last conflict's index may be the last one taken, beyond MAX(globalindex): at most one uncounted
        assertThat(gaps).isBetween((long) conflicts.get() - 1, (long) conflicts.get());
        // far below what makes the tracking query slow (~1,000 remembered gaps) and below Axon's cleaning threshold
        assertThat(gaps).isLessThan(250);
    }
}
