package dev.crm.web.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.app.chain.ChainMigration;
import dev.crm.app.chain.EventHash;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verifiable history on PostgreSQL: every appended event is chained, an untouched store verifies clean, and an edited,
 * removed or cut-off event is named by the object's check and by the store-wide one; the chaining step for old events;
 * checkpoints. Every row tampered with here is one of this test's own objects, and is put back in a finally.
 */
@CrmIntegrationTest
class HashChainIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ChainMigration migration;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    Api api;
    String author;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("chainauthor");
    }

    private long memo(int changes) {
        Api.Response r = api.as(author, "POST", "/api/memos", Map.of("title", "Chained", "draft", true));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        long id = r.body().get("id").asLong();
        for (int i = 1; i <= changes; i++) {
            Api.Response c = api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Chained " + i));
            assertThat(c.status()).as(c.text()).isEqualTo(200);
        }
        return id;
    }

    private JsonNode verify(String user, long id) {
        Api.Response r = api.as(user, "GET", "/api/objects/" + id + "/verify", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    /** The store-wide check's lines: progress lines, then the result. */
    private List<JsonNode> verifyStore() throws Exception {
        Api.Response r = api.as("admin", "GET", "/api/admin/verify", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.text().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static JsonNode last(List<JsonNode> lines) {
        return lines.get(lines.size() - 1);
    }

    private List<Map<String, Object>> rows(long id) {
        return jdbc.queryForList("SELECT * FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                Long.toString(id));
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("INSERT INTO domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier,"
                        + " metadata, payload, payloadrevision, payloadtype, timestamp, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                row.get("globalindex"), row.get("aggregateidentifier"), row.get("sequencenumber"), row.get("type"),
                row.get("eventidentifier"), row.get("metadata"), row.get("payload"), row.get("payloadrevision"),
                row.get("payloadtype"), row.get("timestamp"), row.get("hash"));
    }

    @Test
    void everyAppendedEventIsChainedAndAnUntouchedStoreVerifiesClean() throws Exception {
        long id = memo(3);
        List<Map<String, Object>> rows = rows(id);
        assertThat(rows).hasSize(4);
        String previous = EventHash.GENESIS;
        for (Map<String, Object> row : rows) {
            String expected = EventHash.of(previous, new EventHash.Stored((String) row.get("aggregateidentifier"),
                    ((Number) row.get("sequencenumber")).longValue(), (String) row.get("type"),
                    (String) row.get("eventidentifier"), (String) row.get("payloadtype"),
                    (String) row.get("payloadrevision"), (String) row.get("timestamp"), (byte[]) row.get("payload"),
                    (byte[]) row.get("metadata")));
            assertThat(row.get("hash")).isEqualTo(expected);
            previous = expected;
        }
        JsonNode v = verify(author, id);
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("checked").asLong()).isEqualTo(4);
        assertThat(v.has("firstBroken")).isFalse();

        // events other tests wrote straight into the store without a hash are chained as at start-up
        migration.chainUnchained();
        List<JsonNode> lines = verifyStore();
        JsonNode result = last(lines);
        assertThat(result.get("valid").asBoolean()).as(result.toString()).isTrue();
        assertThat(result.has("firstBroken")).isFalse();
        assertThat(lines.get(0).get("total").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(result.get("checked").asLong()).isGreaterThanOrEqualTo(lines.get(0).get("total").asLong());
    }

    @Test
    void anEditedPayloadIsNamedWithItsSequence() throws Exception {
        long id = memo(2);
        Map<String, Object> row = rows(id).get(1);
        byte[] original = (byte[]) row.get("payload");
        String edited = new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("Chained 1", "Forged 1");
        assertThat(edited).contains("Forged 1");
        try {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?",
                    edited.getBytes(java.nio.charset.StandardCharsets.UTF_8), row.get("globalindex"));
            JsonNode v = verify(author, id);
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("checked").asLong()).isEqualTo(3);
            assertThat(v.get("firstBroken").get("sequence").asLong()).isEqualTo(1);
            assertThat(v.get("firstBroken").get("eventId").asText()).isEqualTo(row.get("eventidentifier"));
            assertThat(v.get("firstBroken").get("reason").asText()).isEqualTo("hash does not match");

            JsonNode store = last(verifyStore());
            assertThat(store.get("valid").asBoolean()).isFalse();
            assertThat(store.get("firstBroken").get("id").asLong()).isEqualTo(id);
            assertThat(store.get("firstBroken").get("sequence").asLong()).isEqualTo(1);
            assertThat(store.get("firstBroken").get("reason").asText()).isEqualTo("hash does not match");
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, row.get("globalindex"));
        }
        assertThat(verify(author, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aChangedTimestampOrMetadataBreaksTheChainToo() {
        long id = memo(1);
        Map<String, Object> row = rows(id).get(0);
        try {
            jdbc.update("UPDATE domainevententry SET timestamp = ? WHERE globalindex = ?", "2020-01-01T00:00:00.000Z",
                    row.get("globalindex"));
            assertThat(verify(author, id).get("firstBroken").get("sequence").asLong()).isZero();
        } finally {
            jdbc.update("UPDATE domainevententry SET timestamp = ? WHERE globalindex = ?", row.get("timestamp"),
                    row.get("globalindex"));
        }
        try {
            jdbc.update("UPDATE domainevententry SET metadata = ? WHERE globalindex = ?",
                    "{\"username\":\"someone-else\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), row.get("globalindex"));
            assertThat(verify(author, id).get("firstBroken").get("reason").asText()).isEqualTo("hash does not match");
        } finally {
            jdbc.update("UPDATE domainevententry SET metadata = ? WHERE globalindex = ?", row.get("metadata"),
                    row.get("globalindex"));
        }
        assertThat(verify(author, id).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aRemovedEventIsAGapAndARemovedLastEventACut() throws Exception {
        long id = memo(3);
        List<Map<String, Object>> rows = rows(id);
        Map<String, Object> middle = rows.get(1);
        try {
            jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", middle.get("globalindex"));
            JsonNode v = verify(author, id);
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("firstBroken").get("sequence").asLong()).isEqualTo(1);
            assertThat(v.get("firstBroken").get("reason").asText()).isEqualTo("gap: sequence 1 missing");
            JsonNode store = last(verifyStore());
            assertThat(store.get("firstBroken").get("id").asLong()).isEqualTo(id);
            assertThat(store.get("firstBroken").get("reason").asText()).isEqualTo("gap: sequence 1 missing");
        } finally {
            reinsert(middle);
        }
        Map<String, Object> lastRow = rows.get(3);
        try {
            jdbc.update("DELETE FROM domainevententry WHERE globalindex = ?", lastRow.get("globalindex"));
            JsonNode v = verify(author, id);
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("firstBroken").get("sequence").asLong()).isEqualTo(3);
            assertThat(v.get("firstBroken").get("reason").asText()).startsWith("cut: sequence 3");
            JsonNode store = last(verifyStore());
            assertThat(store.get("firstBroken").get("id").asLong()).isEqualTo(id);
            assertThat(store.get("firstBroken").get("reason").asText()).startsWith("cut: sequence 3");
        } finally {
            reinsert(lastRow);
        }
        assertThat(verify(author, id).get("valid").asBoolean()).isTrue();
    }

    /** Appends that had to read the previous event's hash with a query of their own. */
    private double lookups() {
        return meters.get("crm.chain.previous-hash-lookups").functionCounter().count();
    }

    @Test
    void manyEventsACascadeAndARestoreChainCorrectly() {
        double lookups = lookups();
        long many = memo(40);
        JsonNode v = verify(author, many);
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("checked").asLong()).isEqualTo(41);

        Api.Response p = api.as(author, "POST", "/api/projects", Map.of("title", "Chained project"));
        assertThat(p.status()).as(p.text()).isEqualTo(201);
        long project = p.body().get("id").asLong();
        long task = api.as(author, "POST", "/api/tasks", Map.of("title", "Its task", "project", project)).body()
                .get("id").asLong();
        long sub = api.as(author, "POST", "/api/tasks", Map.of("title", "Its subtask", "parent", task)).body()
                .get("id").asLong();
        // one command, several aggregates' events in one transaction
        assertThat(api.as(author, "DELETE", "/api/projects/" + project, null).status()).isEqualTo(204);
        for (long id : List.of(project, task, sub)) {
            // deleted: the admin's to check, nobody else learns it exists
            assertThat(api.as(author, "GET", "/api/objects/" + id + "/verify", null).status()).isEqualTo(404);
            assertThat(verify("admin", id).get("valid").asBoolean()).isTrue();
        }
        assertThat(api.as("admin", "POST", "/api/objects/" + project + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(author, "PATCH", "/api/tasks/" + sub, Map.of("title", "Changed after restore")).status())
                .isEqualTo(200);
        for (long id : List.of(project, task, sub)) {
            JsonNode r = verify(author, id);
            assertThat(r.get("valid").asBoolean()).as("ID " + id + ": " + r).isTrue();
        }
        assertThat(api.as(author, "GET", "/api/objects/999999999/verify", null).status()).isEqualTo(404);
        // every command loaded the streams it appended to: no append needed a query for the previous hash
        assertThat(lookups()).isEqualTo(lookups);
    }

    @Test
    void theChainingStepChainsOldEventsAndNeverTouchesChainedOnes() {
        long old = memo(2);
        long chained = memo(1);
        List<String> originals = rows(old).stream().map(r -> (String) r.get("hash")).toList();
        Map<String, Object> kept = rows(chained).get(0);
        String forged = "f".repeat(64);
        try {
            // as an installation from before hashes: the memo's events have none
            jdbc.update("UPDATE domainevententry SET hash = NULL WHERE aggregateidentifier = ?", Long.toString(old));
            // a hash the step would compute differently: it must stay as it is
            jdbc.update("UPDATE domainevententry SET hash = ? WHERE globalindex = ?", forged, kept.get("globalindex"));
            assertThat(verify(author, old).get("firstBroken").get("reason").asText()).isEqualTo("not chained");
            Long runs = jdbc.queryForObject("SELECT COUNT(*) FROM chain_migration", Long.class);

            assertThat(migration.chainUnchained()).isGreaterThanOrEqualTo(3);

            assertThat(rows(old).stream().map(r -> (String) r.get("hash")).toList()).isEqualTo(originals);
            assertThat(verify(author, old).get("valid").asBoolean()).isTrue();
            assertThat(jdbc.queryForObject("SELECT hash FROM domainevententry WHERE globalindex = ?", String.class,
                    kept.get("globalindex"))).isEqualTo(forged);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chain_migration", Long.class)).isEqualTo(runs + 1);
            Map<String, Object> run = jdbc.queryForMap("SELECT * FROM chain_migration ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
            assertThat(run.get("finished_at")).isNotNull();
            assertThat(((Number) run.get("events")).longValue()).isGreaterThanOrEqualTo(3);
            // nothing left: the next start records nothing
            assertThat(migration.chainUnchained()).isZero();
        } finally {
            jdbc.update("UPDATE domainevententry SET hash = ? WHERE globalindex = ?", kept.get("hash"), kept.get("globalindex"));
        }
        assertThat(verify(author, chained).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointShowsThatAnEventBeforeItWasRewrittenEvenWithItsChain() {
        long id = memo(2);
        Api.Response made = api.as("admin", "POST", "/api/admin/checkpoints", null);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long position = made.body().get("position").asLong();
        String digest = made.body().get("hash").asText();
        List<Map<String, Object>> rows = rows(id);
        assertThat(((Number) rows.get(2).get("globalindex")).longValue()).isLessThanOrEqualTo(position);
        assertThat(api.as(author, "POST", "/api/admin/checkpoints", null).status()).isEqualTo(403);

        Api.Response listed = api.as("admin", "GET", "/api/admin/checkpoints", null);
        assertThat(listed.body().findValues("position").stream().map(JsonNode::asLong)).contains(position);
        Api.Download csv = api.download("admin", "/api/admin/checkpoints?format=csv");
        assertThat(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("position,hash,at")
                .contains(position + "," + digest);
        JsonNode recheck = api.as("admin", "GET", "/api/admin/checkpoints/" + position + "/verify", null).body();
        assertThat(recheck.get("valid").asBoolean()).isTrue();

        // the forger edits an event and writes the whole stream's chain again: the chain check sees nothing ...
        Map<String, Object> row = rows.get(1);
        byte[] original = (byte[]) row.get("payload");
        String forged = new String(original, java.nio.charset.StandardCharsets.UTF_8).replace("Chained 1", "Forged 1");
        try {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?",
                    forged.getBytes(java.nio.charset.StandardCharsets.UTF_8), row.get("globalindex"));
            String previous = EventHash.GENESIS;
            for (Map<String, Object> r : rows(id)) {
                String hash = EventHash.of(previous, new EventHash.Stored((String) r.get("aggregateidentifier"),
                        ((Number) r.get("sequencenumber")).longValue(), (String) r.get("type"),
                        (String) r.get("eventidentifier"), (String) r.get("payloadtype"),
                        (String) r.get("payloadrevision"), (String) r.get("timestamp"), (byte[]) r.get("payload"),
                        (byte[]) r.get("metadata")));
                jdbc.update("UPDATE domainevententry SET hash = ? WHERE globalindex = ?", hash, r.get("globalindex"));
                previous = hash;
            }
            assertThat(verify(author, id).get("valid").asBoolean()).isTrue();
            // ... but the checkpoint does
            JsonNode changed = api.as("admin", "GET", "/api/admin/checkpoints/" + position + "/verify", null).body();
            assertThat(changed.get("valid").asBoolean()).isFalse();
            assertThat(changed.get("hash").asText()).isEqualTo(digest);
            assertThat(changed.get("recomputed").asText()).isNotEqualTo(digest);
        } finally {
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE globalindex = ?", original, row.get("globalindex"));
            for (Map<String, Object> r : rows) {
                jdbc.update("UPDATE domainevententry SET hash = ? WHERE globalindex = ?", r.get("hash"), r.get("globalindex"));
            }
        }
        assertThat(api.as("admin", "GET", "/api/admin/checkpoints/" + position + "/verify", null).body()
                .get("valid").asBoolean()).isTrue();
        assertThat(api.as("admin", "GET", "/api/admin/checkpoints/0/verify", null).status()).isEqualTo(404);
    }
}
