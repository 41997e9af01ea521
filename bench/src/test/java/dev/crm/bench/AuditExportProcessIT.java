package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17: the auditors' export streams. 100,000 events (each with a description of 2,000 characters, so the
 * store's JSON is about twice the heap) are loaded straight into a PostgreSQL store; the packaged jar, started with
 * {@value #HEAP}, exports them all through {@code GET /api/admin/export} as JSON Lines and as CSV over HTTP. Both are
 * read back as they arrive: the count, every line parsing, each object's sequences in order, a few entries' values
 * (a description with a comma, quotes and a line break, whole); the process stays up and its live heap small.
 */
class AuditExportProcessIT {

    static final String HEAP = "-Xmx128m";
    static final int EVENTS = 100_000;
    static final int PADDING = 2_000;
    /** The loaded object whose entry is checked value by value: the 502nd, a task (odd ones are). */
    static final int SAMPLE = 501;

    @RegisterExtension
    final CrmProcesses processes = new CrmProcesses("reliability");
    private String db;

    @Test
    void aStoreBiggerThanTheHeapExportsWholeAsJsonLinesAndCsv() throws Exception {
        db = processes.database("auditexport");
        long first;
        long template;
        String writer;
        try (CrmProcess setup = processes.start(db, "audit-setup", List.of("-Xmx512m"), Map.of())) {
            setup.awaitReady(Duration.ofMinutes(3));
            Client admin = Client.admin(setup.port());
            Client author = admin.newUser("auditor1", "manager");
            Client reader = admin.newUser("auditor2", "manager");
            writer = author.username;
            long memo = author.send("POST", "/api/memos", Map.of("title", "Template memo", "to", reader.username),
                    Map.of()).id();
            template = author.send("POST", "/api/tasks", Map.of("title", "Template task", "responsible",
                    List.of(reader.username)), Map.of()).id();
            for (int i = 1; i <= 5; i++) {
                assertThat(author.send("PATCH", "/api/tasks/" + template, Map.of("description", "Change " + i),
                        Map.of()).status()).isEqualTo(200);
            }
            first = Loader.load(db, Loader.creationEvent(db, memo), Loader.creationEvent(db, template),
                    List.of(author.username, reader.username), EVENTS, PADDING);
            setup.stop();
        }
        long stored = Store.count(db, "SELECT COUNT(*) FROM domainevententry");
        long jsonBytes = Store.count(db, "SELECT SUM(octet_length(payload) + octet_length(metadata)) FROM domainevententry");
        assertThat(stored).isGreaterThanOrEqualTo(EVENTS);
        assertThat(jsonBytes).as("the store's JSON is clearly bigger than the heap").isGreaterThan(192L << 20);

        // the read models of the loaded objects (their kinds), rebuilt once; then the small heap exports
        try (CrmProcess rebuild = processes.start(db, "audit-rebuild", List.of("-Xmx512m"),
                Map.of("CRM_REBUILD_READ_MODELS", "true"))) {
            rebuild.awaitReady(Duration.ofMinutes(10));
            rebuild.stop();
        }
        CrmProcess crm = processes.start(db, "audit-export", List.of(HEAP), Map.of());
        crm.awaitReady(Duration.ofMinutes(3));
        Client admin = Client.admin(crm.port());

        long started = System.nanoTime();
        Read jsonl = read(crm, "/api/admin/export?format=jsonl", false, first, template, writer);
        double jsonlSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        Read csv = read(crm, "/api/admin/export?format=csv", true, first, template, writer);
        double csvSeconds = (System.nanoTime() - started) / 1e9;
        long total = Store.count(db, "SELECT COUNT(*) FROM domainevententry");
        assertThat(jsonl.entries).isEqualTo(total);
        assertThat(csv.entries).isEqualTo(total);
        Read tasks = read(crm, "/api/admin/export?format=jsonl&kind=task", false, first, template, writer);
        assertThat(tasks.entries).as("the template task's 6 events and half the loaded objects")
                .isEqualTo(EVENTS / 2 + 6);

        assertThat(admin.get("/actuator/health").status()).isEqualTo(200);
        double heap = Gauges.liveHeapMb(crm, admin);
        assertThat(crm.terminate(Duration.ofSeconds(30))).isTrue();
        System.out.printf(Locale.ROOT, "AUDIT export: %d events, %.0f MB of stored JSON, heap %s: JSON Lines %.0f MB "
                        + "in %.1f s (%.0f events/s), CSV %.0f MB in %.1f s (%.0f events/s); live heap afterwards "
                        + "%.0f MB%n", total, jsonBytes / 1048576.0, HEAP, jsonl.bytes / 1048576.0, jsonlSeconds,
                total / jsonlSeconds, csv.bytes / 1048576.0, csvSeconds, total / csvSeconds, heap);
    }

    /** What a download held: entries, bytes. */
    record Read(long entries, long bytes) {
    }

    /** Reads a download as it arrives, checking each entry; never holds it whole. */
    static Read read(CrmProcess crm, String path, boolean isCsv, long first, long template, String writer)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + crm.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + CrmProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        Map<String, Long> sequences = new HashMap<>();
        long[] counted = {0, 0};
        List<String> templateEvents = new ArrayList<>();
        String sampleId = Long.toString(first + SAMPLE);
        boolean[] sampleSeen = {false};
        CountingStream in = new CountingStream(response.body());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            if (isCsv) {
                CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                        .parse(reader);
                assertThat(parser.getHeaderNames()).containsExactly("id", "kind", "sequence", "at", "user", "event",
                        "changes", "hash");
                for (CSVRecord r : parser) {
                    check(sequences, r.get("id"), Long.parseLong(r.get("sequence")), r.get("event"),
                            Client.JSON.readTree(r.get("changes")), r.get("user"), template, templateEvents, sampleId,
                            sampleSeen, writer);
                    counted[0]++;
                }
            } else {
                String line;
                while ((line = reader.readLine()) != null) {
                    JsonNode e = Client.JSON.readTree(line);
                    check(sequences, e.get("id").asText(), e.get("sequence").asLong(), e.get("event").asText(),
                            e.get("changes"), e.get("user").asText(null), template, templateEvents, sampleId,
                            sampleSeen, writer);
                    assertThat(e.has("hash") && e.has("at") && e.has("kind")).isTrue();
                    counted[0]++;
                }
            }
        }
        assertThat(templateEvents).startsWith("TaskCreated", "TaskChanged").hasSize(6);
        if (!path.contains("kind=task")) {
            assertThat(sampleSeen[0]).as("loaded object " + sampleId).isTrue();
        }
        return new Read(counted[0], in.count);
    }

    static void check(Map<String, Long> sequences, String id, long sequence, String event, JsonNode changes,
                      String user, long template, List<String> templateEvents, String sampleId, boolean[] sampleSeen,
                      String writer) {
        Long last = sequences.put(id, sequence);
        assertThat(sequence).as("object " + id + "'s entries in order").isGreaterThan(last == null ? 0 : last);
        assertThat(event).isNotEmpty();
        if (id.equals(Long.toString(template))) {
            templateEvents.add(event);
            assertThat(user).isEqualTo(writer);
        }
        if (id.equals(sampleId)) {
            sampleSeen[0] = true;
            assertThat(event).isEqualTo("TaskCreated");
            String description = null;
            for (JsonNode c : changes) {
                if (c.get("field").asText().equals("description")) {
                    description = c.get("to").asText();
                }
            }
            assertThat(description).startsWith("Notes on the ").contains("lorem ipsum, \"dolor\"\nsit amet")
                    .hasSize("Notes on the ".length() + Loader.WORDS[(SAMPLE / 2 + 5) % Loader.WORDS.length].length()
                            + PADDING);
        }
    }

    /** Counts the bytes read through it. */
    static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws java.io.IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
