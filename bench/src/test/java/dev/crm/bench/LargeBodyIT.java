package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Security finding 2, as it was found: the packaged jar on its embedded default (H2), bounded heap, four
 * parallel 47 MB JSON posts by an ordinary user. They used to run the database out of memory at commit; it
 * closed (and its file was left unreadable), every later call answered 503, and health still said UP.
 *
 * <p>Now every body over {@code CRM_MAX_JSON} (256 KB) is 413 problem+json naming the limit, announced
 * (Content-Length) or not (chunked), before it is parsed; bodies just under the limit, 16 at once, are
 * handled; the database, health and earlier data are unharmed, and SIGTERM stops the process.
 */
class LargeBodyIT {

    static final int PARALLEL = 4;
    static final int NEAR_LIMIT_CLIENTS = 16;
    static final int NEAR_LIMIT_POSTS = 6;

    private CrmProcess crm;

    @AfterEach
    void cleanUp() {
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void bodiesOverTheLimitAre413AndTheEmbeddedDatabaseStaysHealthy() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "reliability"));
        crm = CrmProcess.embedded(work, "large-body", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), Map.of())
                .start();
        crm.awaitReady(Duration.ofMinutes(2));
        Client admin = Client.admin(crm.port());
        Client writer = admin.newUser("writer", "manager");
        long earlier = writer.send("POST", "/api/tasks", Map.of("title", "Before the flood"), Map.of()).id();

        byte[] huge = tasksWithTags(47_000_000);
        long started = System.nanoTime();
        List<Client.Response> announced = parallel(PARALLEL,
                () -> writer.sendBytes("POST", "/api/tasks", huge, Map.of()));
        List<Client.Response> chunked = parallel(PARALLEL,
                () -> writer.sendChunked("POST", "/api/tasks", huge, Map.of("Content-Type", "application/json")));
        double hugeSeconds = (System.nanoTime() - started) / 1e9;
        for (Client.Response r : concat(announced, chunked)) {
            assertThat(r.status()).as(r.text()).isEqualTo(413);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.body().get("type").asText()).isEqualTo("urn:crm:problem:too-large");
            assertThat(r.body().get("detail").asText()).contains("256 KB");
        }

        // the largest bodies allowed, many at once: read in full and refused by the rules (a description of
        // 250,000 characters), or stored (the longest description: 10,000 characters, each a six-byte JSON escape)
        byte[] nearLimit = memo("d".repeat(250_000));
        byte[] largestStored = memo("\\u20ac".repeat(10_000));
        Map<Integer, Integer> nearLimitAnswers = new ConcurrentHashMap<>();
        started = System.nanoTime();
        parallel(NEAR_LIMIT_CLIENTS, () -> {
            for (int i = 0; i < NEAR_LIMIT_POSTS; i++) {
                nearLimitAnswers.merge(writer.sendBytes("POST", "/api/memos", i % 2 == 0 ? nearLimit : largestStored,
                        Map.of()).status(), 1, Integer::sum);
            }
            return null;
        });
        double nearLimitSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(nearLimitAnswers).as("answers").containsOnlyKeys(201, 400);
        assertThat(nearLimitAnswers.get(201)).isEqualTo(NEAR_LIMIT_CLIENTS * NEAR_LIMIT_POSTS / 2);

        Client.Response health = admin.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/eventStore/status").asText()).isEqualTo("UP");
        assertThat(writer.get("/api/tasks/" + earlier).status()).isEqualTo(200);
        assertThat(writer.send("POST", "/api/tasks", Map.of("title", "After the flood"), Map.of()).status())
                .isEqualTo(201);
        double heap = Gauges.liveHeapMb(crm, admin);
        assertThat(crm.terminate(Duration.ofSeconds(30))).as("the JVM ended on SIGTERM").isTrue();
        System.out.printf("SECURITY large bodies: %d + %d parallel posts of %.1f MB (Content-Length, chunked) answered "
                        + "413 in %.1f s; %d clients x %d posts of %.0f KB and %.0f KB in %.1f s, answers %s; "
                        + "health UP, earlier data readable; live heap afterwards %.0f MB of 256 MB%n", PARALLEL,
                PARALLEL, huge.length / 1e6, hugeSeconds, NEAR_LIMIT_CLIENTS, NEAR_LIMIT_POSTS, nearLimit.length / 1024.0,
                largestStored.length / 1024.0, nearLimitSeconds, new TreeMap<>(nearLimitAnswers), heap);
    }

    /** A draft memo with this description (JSON text, escapes included). */
    static byte[] memo(String description) {
        return ("{\"title\":\"Long\",\"draft\":true,\"description\":\"" + description + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A task whose tags (40 characters or fewer each, all different) make a JSON body of about {@code bytes}. */
    static byte[] tasksWithTags(int bytes) {
        StringBuilder json = new StringBuilder(bytes + 64).append("{\"title\":\"Many tags\",\"tags\":[");
        for (int i = 0; json.length() < bytes - 40; i++) {
            json.append(i == 0 ? "" : ",").append("\"t").append(String.format("%026d", i)).append('"');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> parallel(int threads, Supplier<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work::get));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(3, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
