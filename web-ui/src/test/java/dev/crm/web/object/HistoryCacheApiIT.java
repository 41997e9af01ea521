package dev.crm.web.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.history.HistoryCache;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The history API and page through the whole CRM with the {@link HistoryCache}: reading a history again reads
 * no stream (the cache's misses are the streams read), whoever reads it; every change of the memo or of its
 * files is in the very next answer; and what each reader sees of a memo written as a draft is what they saw
 * without the cache.
 */
@CrmMockMvcTest
class HistoryCacheApiIT {

    static final String DRAFT_TEXT = "Draft text: cached words nobody else may read";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    HistoryCache cache;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    Api api;
    String author;
    String recipient;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("hcauthor");
        recipient = api.newUser("hcrecipient");
        // content without references is purged within seconds; the restore below wants it back
        holdPurging(true);
    }

    @AfterEach
    void purgeAgain() {
        holdPurging(false);
    }

    void holdPurging(boolean hold) {
        jdbc.update("UPDATE crm_maintenance SET active = ? WHERE name = ?", hold, ReadModelRebuilder.MAINTENANCE);
    }

    private JsonNode history(String user, long id) {
        Api.Response r = api.as(user, "GET", "/api/objects/" + id + "/history", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("entries");
    }

    private List<String> events(String user, long id) {
        return history(user, id).findValuesAsText("event");
    }

    private void ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
    }

    @Test
    void aHistoryIsBuiltOnceForEveryReaderAndEveryChangeIsInTheNextAnswer() throws Exception {
        Api.Response made = api.as(author, "POST", "/api/memos", Map.of("title", "Cached memo",
                "description", DRAFT_TEXT, "to", recipient, "draft", true));
        ok(made, 201);
        long memo = made.body().get("id").asLong();
        ok(api.as(author, "PATCH", "/api/memos/" + memo, Map.of("draft", false, "description", "As sent")), 200);

        long misses = cache.misses();
        long hits = cache.hits();
        JsonNode whole = history(author, memo);
        assertThat(whole.toString()).contains(DRAFT_TEXT);
        assertThat(cache.misses()).as("built").isEqualTo(misses + 1);

        // read again, by its author, an admin and the recipient, on the API and the page: nothing is rebuilt
        assertThat(history(author, memo)).isEqualTo(whole);
        assertThat(history("admin", memo)).isEqualTo(whole);
        JsonNode forRecipient = history(recipient, memo);
        assertThat(forRecipient.toString()).doesNotContain(DRAFT_TEXT).contains("As sent");
        assertThat(forRecipient.findValuesAsText("event")).containsExactly("MemoChanged");
        String page = mvc.perform(get("/objects/" + memo + "/history").with(user(recipient)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"history-draft-left-out\"").doesNotContain(DRAFT_TEXT);
        assertThat(cache.misses()).as("served from the cache").isEqualTo(misses + 1);
        assertThat(cache.hits()).isEqualTo(hits + 4);

        // each change is in the next answer
        ok(api.as(author, "PATCH", "/api/memos/" + memo, Map.of("title", "Cached memo, retitled")), 200);
        assertThat(history(recipient, memo).toString()).contains("Cached memo, retitled");
        assertThat(cache.misses()).isEqualTo(misses + 2);

        Api.Response uploaded = api.upload(author, memo, "cached-notes.txt", "text/plain",
                ("notes " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        ok(uploaded, 201);
        long file = uploaded.body().get("id").asLong();
        assertThat(events(recipient, memo)).endsWith("MemoChanged", "FileAttached");
        assertThat(history(recipient, memo).toString()).contains("cached-notes.txt");

        ok(api.as(author, "DELETE", "/api/files/" + file, null), 204);
        assertThat(events(recipient, memo)).endsWith("FileAttached", "FileDetached");

        Api.Response second = api.upload(author, memo, "cached-second.txt", "text/plain",
                ("second " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        ok(second, 201);
        ok(api.as(author, "DELETE", "/api/memos/" + memo, null), 204);
        // a deleted object's history is for admins only
        assertThat(api.as(recipient, "GET", "/api/objects/" + memo + "/history", null).status()).isEqualTo(404);
        // the delete detaches the memo's files first
        assertThat(events("admin", memo)).endsWith("FileAttached", "FileDetached", "MemoDeleted");

        ok(api.as("admin", "POST", "/api/objects/" + memo + "/restore", null), 200);
        assertThat(events("admin", memo)).endsWith("MemoDeleted", "MemoRestored", "FileRestored");
        JsonNode restored = history(recipient, memo);
        assertThat(restored.findValuesAsText("event")).endsWith("MemoRestored", "FileRestored");
        assertThat(restored.toString()).doesNotContain(DRAFT_TEXT);
        assertThat(history(author, memo).toString()).contains(DRAFT_TEXT);

        long before = cache.misses();
        assertThat(history(recipient, memo)).isEqualTo(restored);
        assertThat(cache.misses()).as("unchanged again: from the cache").isEqualTo(before);

        // what operators see
        assertThat(meters.get("crm.history.cache.requests").tag("result", "hit").functionCounter().count())
                .isEqualTo(cache.hits());
        assertThat(meters.get("crm.history.cache.requests").tag("result", "miss").functionCounter().count())
                .isEqualTo(cache.misses());
        assertThat(meters.get("crm.history.cache.size").gauge().value()).isPositive()
                .isLessThanOrEqualTo(cache.maxBytes());
    }
}
