package dev.crm.web.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.chain.ChainMigration;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.shared.memo.MemoCreated;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The first change of a stored event's shape ({@code MemoCreated} revision 2 calls the author {@code owner}): a
 * memo stored by an older version of the service, in the first shape, still loads (a command on it works and
 * knows its owner), projects (a replay puts it in the read model), shows in history as before, and verifies: its
 * hash, given by the one-off chaining step an upgrade runs at start-up, covers the bytes as stored, not as upcast.
 */
@CrmIntegrationTest
class EventEvolutionIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuilder rebuilder;
    @Autowired
    ChainMigration chaining;

    /** A memo as the service stored it before revision 2: no revision, its author as "author". */
    long storeAnOldMemo(String author, String recipient) {
        long id = jdbc.queryForObject("SELECT nextval('crm_object_id')", Long.class);
        jdbc.update("""
                INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload,
                    payloadrevision, payloadtype, timestamp)
                VALUES (?, 0, 'MemoAggregate', ?, ?, ?, NULL, ?, '2026-03-01T08:00:00.5Z')""",
                Long.toString(id), UUID.randomUUID().toString(),
                ("{\"username\":\"" + author + "\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"memoId\":" + id + ",\"title\":\"Written long ago\",\"description\":\"first shape\",\"to\":\""
                        + recipient + "\",\"draft\":false,\"author\":\"" + author + "\",\"department\":null}")
                        .getBytes(StandardCharsets.UTF_8),
                MemoCreated.class.getName());
        return id;
    }

    @Test
    void aMemoStoredInTheFirstShapeLoadsProjectsAndShowsInHistory() {
        Api api = new Api(port);
        String author = api.newUser("oldauthor");
        String recipient = api.newUser("oldrecipient");
        long id = storeAnOldMemo(author, recipient);

        // the chaining step an upgrade runs at start-up gives it its hash
        assertThat(chaining.chainUnchained()).isGreaterThanOrEqualTo(1);

        // projects: a replay of the store through the projections (as after an upgrade) puts it in the read model
        rebuilder.replay();
        JsonNode memo = api.as(author, "GET", "/api/memos/" + id, null).body();
        assertThat(memo.get("title").asText()).isEqualTo("Written long ago");
        assertThat(memo.get("owner").asText()).isEqualTo(author);
        assertThat(api.as(recipient, "GET", "/api/memos/" + id, null).status()).isEqualTo(200);

        // loads: the aggregate is built from it, knows its owner (only the owner may change it) and its version
        assertThat(api.as(recipient, "PATCH", "/api/memos/" + id, Map.of("title", "Not mine"), Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(403);
        Api.Response changed = api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Changed today"),
                Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("version").asLong()).isEqualTo(2);
        // the new event is written in today's shape beside the old one, which stays as it was stored
        assertThat(jdbc.queryForList("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, Long.toString(id))).containsExactly(null, null);
        assertThat(new String(jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 0", byte[].class, Long.toString(id)), StandardCharsets.UTF_8))
                .contains("\"author\":\"" + author + "\"");

        // shows in history, its owner and author as before
        JsonNode entries = api.as(author, "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        assertThat(entries.findValuesAsText("event")).containsExactly("MemoCreated", "MemoChanged");
        assertThat(entries.get(0).get("user").asText()).isEqualTo(author);
        assertThat(entries.get(0).get("changes").toString()).contains("\"field\":\"owner\"")
                .contains("\"to\":\"" + author + "\"").contains("Written long ago");
        assertThat(entries.get(1).get("changes").toString()).contains("Changed today");

        // verifies: the old event's hash covers its stored first shape, and today's event chains on it
        JsonNode verified = api.as(author, "GET", "/api/objects/" + id + "/verify", null).body();
        assertThat(verified.get("valid").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("checked").asLong()).isEqualTo(2);
    }
}
