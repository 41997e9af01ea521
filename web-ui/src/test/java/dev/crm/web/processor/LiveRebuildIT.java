package dev.crm.web.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.replay.LiveRebuild;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read models rebuilt while the CRM serves: commands keep being accepted and reads keep answering during the
 * rebuild, and afterwards the live tables are, row for row, what a fresh replay of the store writes. A rebuild cut
 * short resumes from the position it recorded.
 */
@CrmIntegrationTest
class LiveRebuildIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LiveRebuild live;
    @Autowired
    ReadModelRebuilder rebuilder;

    @AfterEach
    void defaults() throws InterruptedException {
        live.awaitThread(Duration.ofMinutes(2));
        live.stopAfterBatches(-1);
        live.batchSize(1_000);
        jdbc.update("UPDATE crm_maintenance SET active = FALSE WHERE name = ?", ReadModelRebuilder.MAINTENANCE);
    }

    /** Every read-model table as a set of rows (of the content counts only live ones: see ReadModelReplayIT). */
    private Map<String, Set<Map<String, Object>>> tables() {
        Map<String, Set<Map<String, Object>>> tables = new TreeMap<>();
        for (String table : rebuilder.tables()) {
            String where = table.equals("file_content") ? " WHERE ref_count > 0" : "";
            tables.put(table, new HashSet<>(jdbc.queryForList("SELECT * FROM " + table + where)));
        }
        return tables;
    }

    private JsonNode rebuildState(Api api) {
        Api.Response r = api.as("admin", "GET", "/api/admin/processors", null);
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode p : r.body().get("items")) {
            if (p.get("name").asText().equals("memos")) {
                return p.get("rebuild");
            }
        }
        throw new AssertionError("no memos processor: " + r.text());
    }

    /** Makes and changes memos until stopped; notes every answer that is not a success. */
    private static final class Writer implements Runnable {
        final Api api;
        final String author;
        final String recipient;
        final AtomicBoolean stop = new AtomicBoolean();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger commands = new AtomicInteger();

        Writer(Api api, String author, String recipient) {
            this.api = api;
            this.author = author;
            this.recipient = recipient;
        }

        @Override
        public void run() {
            int i = 0;
            while (!stop.get()) {
                i++;
                Api.Response created = api.as(author, "POST", "/api/memos", Map.of("title", "Live " + i, "to", recipient));
                check(created, 201);
                if (created.status() != 201) {
                    continue;
                }
                long id = created.body().get("id").asLong();
                check(api.as(author, "PATCH", "/api/memos/" + id, Map.of("description", "changed " + i)), 200);
                if (i % 3 == 0) {
                    check(api.as(recipient, "POST", "/api/memos/" + id + "/review", Map.of("conclusion", "ok")), 200);
                }
                if (i % 5 == 0) {
                    check(api.as(author, "POST", "/api/tasks", Map.of("title", "Task " + i)), 201);
                }
            }
        }

        private void check(Api.Response r, int expected) {
            commands.incrementAndGet();
            if (r.status() != expected) {
                failures.add(r.status() + " " + r.text());
            }
        }
    }

    @Test
    void aRebuildWhileCommandsArriveEndsEqualToAFreshReplay() throws Exception {
        Api api = new Api(port);
        String author = api.newUser("author");
        String recipient = api.newUser("recipient", "chief");
        List<Long> memos = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            memos.add(api.as(author, "POST", "/api/memos", Map.of("title", "Before " + i, "to", recipient)).body()
                    .get("id").asLong());
        }
        // small batches: the rebuild takes long enough for commands to arrive in every phase
        live.batchSize(25);
        Writer writer = new Writer(api, author, recipient);
        Thread writing = new Thread(writer, "live-rebuild-writer");
        writing.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.commands.get() >= 10);
        int before = writer.commands.get();
        long start = System.nanoTime();

        Api.Response started = api.as("admin", "POST", "/api/admin/processors/memos/rebuild", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        assertThat(started.body().get("mode").asText()).isEqualTo("live");
        List<String> processors = new ArrayList<>();
        started.body().get("processors").forEach(p -> processors.add(p.asText()));
        assertThat(processors).contains("memos", "tasks", "users", "files", "fields");
        List<String> tables = new ArrayList<>();
        started.body().get("tables").forEach(t -> tables.add(t.asText()));
        assertThat(tables).containsAll(rebuilder.tables());
        // one at a time
        assertThat(api.as("admin", "POST", "/api/admin/processors/tasks/rebuild", null).status()).isEqualTo(409);

        // reads answer while it runs
        List<String> readFailures = new ArrayList<>();
        int[] reads = {0};
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
            Api.Response read = api.as(author, "GET", "/api/memos/" + memos.get(reads[0]++ % memos.size()), null);
            if (read.status() != 200) {
                readFailures.add(read.status() + " " + read.text());
            }
            Api.Response list = api.as(author, "GET", "/api/memos?size=5", null);
            if (list.status() != 200) {
                readFailures.add(list.status() + " " + list.text());
            }
            JsonNode state = rebuildState(api);
            return state != null && state.get("state").asText().equals("done");
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        int during = writer.commands.get() - before;
        writer.stop.set(true);
        writing.join();

        JsonNode done = rebuildState(api);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("done").asLong()).isEqualTo(done.get("total").asLong()).isGreaterThan(0);
        assertThat(done.get("switchMillis").asLong()).isGreaterThanOrEqualTo(0);
        // the figures for docs/architecture.md ("Live rebuild (issue 17)")
        System.out.printf("LIVE REBUILD: %d events in %d ms (%d events/s) while %d commands ran; the switch held the "
                        + "tables %d ms%n", done.get("done").asLong(), millis, done.get("done").asLong() * 1000 / millis,
                during, done.get("switchMillis").asLong());
        assertThat(writer.failures).as("commands that failed").isEmpty();
        assertThat(readFailures).as("reads that failed").isEmpty();
        assertThat(during).as("commands during the rebuild").isGreaterThan(0);
        assertThat(reads[0]).isGreaterThan(0);
        // the copies took the live tables' place: no table is left in the shadow or retired schemas
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_tables WHERE schemaname IN ('crm_shadow', 'crm_retired')",
                Long.class)).isZero();
        // every index of the live tables under its own name, as the migrations made it
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
                + "AND tablename = 'memo_view'", String.class)).contains("memo_view_pkey");

        Map<String, Set<Map<String, Object>>> rebuilt = tables();
        assertThat(rebuilt.get("memo_view")).anySatisfy(row -> assertThat(row.get("title")).isEqualTo("Before 0"));
        live.batchSize(1_000);
        rebuilder.rebuild();
        Map<String, Set<Map<String, Object>>> fresh = tables();
        for (String table : fresh.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(fresh.get(table));
        }
        // and the service goes on writing into the switched tables
        Api.Response after = api.as(author, "POST", "/api/memos", Map.of("title", "After", "to", recipient));
        assertThat(after.status()).isEqualTo(201);
        assertThat(api.as(author, "GET", "/api/memos/" + after.body().get("id").asLong(), null).status()).isEqualTo(200);
    }

    @Test
    void aRebuildCutShortResumesFromItsRecordedPosition() throws Exception {
        Api api = new Api(port);
        String author = api.newUser("author");
        for (int i = 0; i < 20; i++) {
            api.as(author, "POST", "/api/memos", Map.of("title", "Resumed " + i, "draft", true));
        }
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        live.batchSize(20);
        live.stopAfterBatches(3);
        assertThat(api.as("admin", "POST", "/api/admin/processors/users/rebuild", null).status()).isEqualTo(202);
        // it stops as a process that dies would: three batches committed, the fourth rolled back, the row unfinished
        live.awaitThread(Duration.ofMinutes(1));
        Map<String, Object> stopped = jdbc.queryForMap("SELECT state, position, done FROM crm_live_rebuild WHERE name = ?",
                LiveRebuild.READ_MODELS);
        assertThat(stopped.get("state")).isEqualTo("replaying");
        assertThat(((Number) stopped.get("done")).longValue()).isEqualTo(60);
        long position = ((Number) stopped.get("position")).longValue();
        assertThat(position).isGreaterThan(0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_shadow.memo_view", Long.class)).isPositive();
        // a new rebuild is refused while this one waits to be resumed
        assertThat(api.as("admin", "POST", "/api/admin/processors/memos/rebuild", null).status()).isEqualTo(409);

        live.resumeIfUnfinished();
        await().atMost(Duration.ofMinutes(2)).until(() -> rebuildState(api).get("state").asText().equals("done"));
        JsonNode done = rebuildState(api);
        assertThat(done.get("resumedFrom").asLong()).isEqualTo(position);
        assertThat(done.get("done").asLong()).isGreaterThanOrEqualTo(events);
        // resumed, not started again: the events before the recorded position were not replayed a second time
        long replayedAfterResume = jdbc.queryForObject("SELECT done - run_done_from FROM crm_live_rebuild WHERE name = ?",
                Long.class, LiveRebuild.READ_MODELS);
        assertThat(replayedAfterResume).isLessThanOrEqualTo(done.get("done").asLong() - 60);

        Map<String, Set<Map<String, Object>>> rebuilt = tables();
        live.batchSize(1_000);
        rebuilder.rebuild();
        Map<String, Set<Map<String, Object>>> fresh = tables();
        for (String table : fresh.keySet()) {
            assertThat(rebuilt.get(table)).as(table).isEqualTo(fresh.get(table));
        }
    }
}
