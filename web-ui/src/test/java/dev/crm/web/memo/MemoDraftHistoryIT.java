package dev.crm.web.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What a memo said while it was a draft is its author's: the recipient, subscribers and chiefs read its
 * history from the moment it was sent, with the fields as sent; its author and admins read all of it. Before it
 * is sent, every way of finding it agrees that it does not exist for them.
 */
@CrmMockMvcTest
class MemoDraftHistoryIT {

    static final String DRAFT_TITLE = "Draft title: the salary of Anna";
    static final String DRAFT_REWORDED = "Draft title: reworded";
    static final String DRAFT_TEXT = "Draft text: frank words about the team";
    static final String DRAFT_FILE = "draft-only-notes.txt";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String author;
    String recipient;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("dauthor");
        recipient = api.newUser("drecipient");
    }

    /** A draft written, reworded, given a file that is removed again and one that stays, then sent. */
    private long sentAfterDrafting(String mark) {
        Api.Response made = api.as(author, "POST", "/api/memos", Map.of("title", DRAFT_TITLE, "description", DRAFT_TEXT,
                "to", recipient, "draft", true));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long id = made.body().get("id").asLong();
        assertThat(api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", DRAFT_REWORDED)).status()).isEqualTo(200);
        long dropped = api.upload(author, id, DRAFT_FILE, "text/plain", "notes".getBytes(StandardCharsets.UTF_8))
                .body().get("id").asLong();
        assertThat(api.as(author, "DELETE", "/api/files/" + dropped, null).status()).isEqualTo(204);

        // before it is sent, nothing tells the recipient it exists
        for (String path : List.of("/api/memos/" + id, "/api/objects/" + id, "/api/objects/" + id + "/history")) {
            assertThat(api.as(recipient, "GET", path, null).status()).as(path).isEqualTo(404);
        }
        assertThat(api.as(recipient, "GET", "/api/search?q=ID" + id, null).body().get("items")).isEmpty();
        assertThat(api.as(recipient, "GET", "/api/memos?q=" + mark, null).body().get("total").asLong()).isZero();

        Api.Response sent = api.as(author, "PATCH", "/api/memos/" + id, Map.of("draft", false,
                "title", mark + " sent title", "description", "As sent"));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        api.upload(author, id, "after-sending.txt", "text/plain", "after".getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private JsonNode history(String user, long id) {
        Api.Response r = api.as(user, "GET", "/api/objects/" + id + "/history", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("entries");
    }

    @Test
    void othersReadTheHistoryFromTheSendingWithTheFieldsAsSentItsAuthorAndAdminsReadAllOfIt() throws Exception {
        String mark = "Drafted" + System.nanoTime();
        long id = sentAfterDrafting(mark);
        String chief = api.newUser("dchief", "chief");
        for (String reader : List.of(recipient, chief)) {
            JsonNode entries = history(reader, id);
            assertThat(entries.toString()).as(reader).doesNotContain(DRAFT_TITLE).doesNotContain(DRAFT_REWORDED)
                    .doesNotContain(DRAFT_TEXT).doesNotContain(DRAFT_FILE);
            JsonNode first = entries.get(0);
            assertThat(first.get("event").asText()).isEqualTo("MemoChanged");
            assertThat(first.get("sequence").asLong()).isEqualTo(3);
            assertThat(first.get("user").asText()).isEqualTo(author);
            List<String> fields = new ArrayList<>();
            for (JsonNode c : first.get("changes")) {
                fields.add(c.get("field").asText());
                if (!c.get("field").asText().equals("draft")) {
                    assertThat(c.get("from").isNull()).as(c.toString()).isTrue();
                }
            }
            assertThat(fields).contains("title", "description", "to", "draft", "owner");
            assertThat(first.toString()).contains(mark + " sent title").contains("As sent");
            // what happened after the sending is all there: the file attached then
            assertThat(entries.toString()).contains("after-sending.txt");
        }
        String page = mvc.perform(get("/objects/" + id + "/history").with(user(recipient)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"history-draft-left-out\"").doesNotContain("salary of Anna")
                .doesNotContain("reworded").doesNotContain("frank words").doesNotContain(DRAFT_FILE);

        // every way of finding it now agrees with the history
        assertThat(api.as(recipient, "GET", "/api/memos/" + id, null).status()).isEqualTo(200);
        assertThat(api.as(recipient, "GET", "/api/objects/" + id, null).body().get("title").asText())
                .isEqualTo(mark + " sent title");
        assertThat(api.as(recipient, "GET", "/api/search?q=ID" + id, null).body().get("items")).hasSize(1);
        assertThat(api.as(recipient, "GET", "/api/memos?q=" + mark, null).body().get("total").asLong()).isEqualTo(1);

        // its author and admins read the whole of it
        for (String reader : List.of(author, "admin")) {
            JsonNode entries = history(reader, id);
            assertThat(entries.get(0).get("event").asText()).as(reader).isEqualTo("MemoCreated");
            assertThat(entries.toString()).as(reader).contains(DRAFT_TITLE).contains(DRAFT_REWORDED)
                    .contains(DRAFT_FILE);
        }
        String authorsPage = mvc.perform(get("/objects/" + id + "/history").with(user(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(authorsPage).contains("salary of Anna").doesNotContain("id=\"history-draft-left-out\"");

        // a memo sent at once has no draft part: the recipient reads all of its history
        long atOnce = api.as(author, "POST", "/api/memos", Map.of("title", "Sent at once", "to", recipient)).body()
                .get("id").asLong();
        api.as(author, "PATCH", "/api/memos/" + atOnce, Map.of("title", "Sent at once, edited"));
        assertThat(history(recipient, atOnce).findValuesAsText("event")).containsExactly("MemoCreated", "MemoChanged");
    }
}
