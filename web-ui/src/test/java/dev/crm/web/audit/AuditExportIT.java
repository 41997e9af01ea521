package dev.crm.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Exports for auditors on PostgreSQL: one object's history as a JSON Lines and a CSV download (the entries its JSON
 * history shows, each with its stored hash; texts with commas, quotes and line breaks kept by the CSV's quoting),
 * under the history's view rules; and the administrators' export of the store by kind and time range.
 */
@CrmIntegrationTest
class AuditExportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A text that CSV must quote: commas, quotes, a line break. */
    static final String AWKWARD = "First, \"quoted\" words\nand a second line, too";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    static List<JsonNode> lines(Api.Download d) throws IOException {
        String text = new String(d.bytes(), StandardCharsets.UTF_8);
        List<JsonNode> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        assertThat(text).as("every line ends with a line break").endsWith("\n");
        for (String line : text.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    static List<CSVRecord> rows(Api.Download d) throws IOException {
        String text = new String(d.bytes(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        return rows;
    }

    static String q(Instant moment) {
        return URLEncoder.encode(moment.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void anObjectsHistoryAsJsonLinesAndCsvIsWhatItsHistoryShowsWithTheHashes() throws IOException {
        String author = api.newUser("axauthor");
        String recipient = api.newUser("axrecipient");
        String stranger = api.newUser("axstranger");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Export me", "to", recipient,
                "description", AWKWARD)).body().get("id").asLong();
        assertThat(api.as(author, "PATCH", "/api/memos/" + memo, Map.of("title", "Export me, please")).status())
                .isEqualTo(200);
        // the hashes the store holds for the memo's two events (chained at append)
        List<String> stored = jdbc.queryForList("SELECT hash FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, Long.toString(memo));
        assertThat(stored).hasSize(2).allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}")).doesNotHaveDuplicates();
        JsonNode history = api.as(recipient, "GET", "/api/objects/" + memo + "/history", null).body().get("entries");

        Api.Download jsonl = api.download(recipient, "/api/objects/" + memo + "/history?format=jsonl");
        assertThat(jsonl.status()).isEqualTo(200);
        assertThat(jsonl.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(jsonl.header("Content-Disposition")).startsWith("attachment")
                .contains("history-" + memo + ".jsonl");
        List<JsonNode> lines = lines(jsonl);
        assertThat(lines).hasSize(history.size()).hasSize(2);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            assertThat(line.get("id").asLong()).isEqualTo(memo);
            assertThat(line.get("kind").asText()).isEqualTo("memo");
            assertThat(line.get("sequence").asLong()).isEqualTo(history.get(i).get("sequence").asLong());
            assertThat(line.get("event").asText()).isEqualTo(history.get(i).get("event").asText());
            assertThat(line.get("user").asText()).isEqualTo(author);
            assertThat(Instant.parse(line.get("at").asText())).isEqualTo(Instant.parse(history.get(i).get("at").asText()));
            assertThat(line.get("changes")).isEqualTo(history.get(i).get("changes"));
        }
        assertThat(lines.get(0).get("hash").asText()).as("the stored hash").isEqualTo(stored.get(0));
        assertThat(lines.get(1).get("hash").asText()).as("the stored hash").isEqualTo(stored.get(1));

        Api.Download csv = api.download(recipient, "/api/objects/" + memo + "/history?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("history-" + memo + ".csv");
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8))
                .startsWith("id,kind,sequence,at,user,event,changes,hash");
        List<CSVRecord> rows = rows(csv);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("id")).isEqualTo(Long.toString(memo));
        assertThat(rows.get(0).get("event")).isEqualTo("MemoCreated");
        assertThat(rows.get(0).get("hash")).isEqualTo(stored.get(0));
        assertThat(rows.get(1).get("hash")).isEqualTo(stored.get(1));
        JsonNode changes = JSON.readTree(rows.get(0).get("changes"));
        assertThat(changes).isEqualTo(history.get(0).get("changes"));
        boolean found = false;
        for (JsonNode c : changes) {
            found |= c.get("field").asText().equals("description") && c.get("to").asText().equals(AWKWARD);
        }
        assertThat(found).as("the text with commas, quotes and a line break, read back whole").isTrue();
        assertThat(JSON.readTree(rows.get(1).get("changes")).get(0).get("to").asText()).isEqualTo("Export me, please");

        assertThat(api.download(stranger, "/api/objects/" + memo + "/history?format=jsonl").status())
                .as("the history's view rules").isEqualTo(404);
        assertThat(api.download(recipient, "/api/objects/" + memo + "/history?format=xml").status()).isEqualTo(400);
        assertThat(api.as(recipient, "GET", "/api/objects/" + memo + "/history", null).body().has("entries"))
                .as("without format: the JSON answer as before").isTrue();

        assertThat(api.as(author, "DELETE", "/api/memos/" + memo, null).status()).isEqualTo(204);
        assertThat(api.download(author, "/api/objects/" + memo + "/history?format=csv").status())
                .as("a deleted object: admins only").isEqualTo(404);
        assertThat(rows(api.download("admin", "/api/objects/" + memo + "/history?format=csv"))).hasSize(3);
    }

    @Test
    void administratorsExportTheStoreByKindAndTimeRange() throws IOException {
        String user = api.newUser("axuser");
        long earlier = api.as(user, "POST", "/api/tasks", Map.of("title", "Before the range")).body().get("id").asLong();
        Instant from = lastEventTime(earlier).plusMillis(1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2)).until(() -> Instant.now().isAfter(from));
        long task = api.as(user, "POST", "/api/tasks", Map.of("title", "In, the \"range\"")).body().get("id").asLong();
        assertThat(api.as(user, "PATCH", "/api/tasks/" + task, Map.of("stage", "in_progress")).status())
                .isEqualTo(200);
        long memo = api.as(user, "POST", "/api/memos", Map.of("title", "A memo in the range", "to", user))
                .body().get("id").asLong();
        Instant to = lastEventTime(memo).plusMillis(1);

        Api.Download tasks = api.download("admin", "/api/admin/export?kind=task&format=jsonl&from=" + q(from)
                + "&to=" + q(to));
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.header("Content-Disposition")).startsWith("attachment").contains(".jsonl");
        List<JsonNode> lines = lines(tasks);
        Map<Long, Long> lastSequence = new HashMap<>();
        List<String> mine = new ArrayList<>();
        for (JsonNode line : lines) {
            assertThat(line.get("kind").asText()).isEqualTo("task");
            Instant at = Instant.parse(line.get("at").asText());
            assertThat(at).isAfterOrEqualTo(from).isBefore(to);
            long id = line.get("id").asLong();
            long sequence = line.get("sequence").asLong();
            assertThat(sequence).as("each object's entries in order").isGreaterThan(lastSequence.getOrDefault(id, 0L));
            lastSequence.put(id, sequence);
            assertThat(line.has("hash")).isTrue();
            if (id == task) {
                mine.add(line.get("event").asText());
            }
        }
        assertThat(mine).containsExactly("TaskCreated", "TaskStageChanged");
        assertThat(lastSequence).doesNotContainKeys(earlier, memo);

        Api.Download all = api.download("admin", "/api/admin/export?format=csv&from=" + q(from) + "&to=" + q(to));
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.header("Content-Type")).startsWith("text/csv");
        List<CSVRecord> rows = rows(all);
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("id")).isEqualTo(Long.toString(memo));
            assertThat(r.get("event")).isEqualTo("MemoCreated");
            assertThat(r.get("user")).isEqualTo(user);
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("id")).isEqualTo(Long.toString(task));
            assertThat(r.get("sequence")).isEqualTo("1");
            assertThat(JSON.readTree(r.get("changes")).get(0).get("to").asText()).isEqualTo("In, the \"range\"");
        });
        assertThat(rows).noneSatisfy(r -> assertThat(r.get("id")).isEqualTo(Long.toString(earlier)));

        assertThat(api.download(user, "/api/admin/export").status()).as("administrators only").isEqualTo(403);
        assertThat(api.download("admin", "/api/admin/export?format=pdf").status()).isEqualTo(400);
        assertThat(api.download("admin", "/api/admin/export?kind=spaceship").status()).isEqualTo(400);
        assertThat(api.download("admin", "/api/admin/export?from=" + q(to) + "&to=" + q(from)).status())
                .isEqualTo(400);
        assertThat(api.download("admin", "/api/admin/export?from=yesterday").status()).isEqualTo(400);
    }

    Instant lastEventTime(long id) {
        JsonNode entries = api.as("admin", "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        return Instant.parse(entries.get(entries.size() - 1).get("at").asText());
    }
}
