package dev.crm.web.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A deletion preview names only what the caller may view and counts the rest; the delete removes exactly what
 * was announced, count included, or nothing; a restore brings back all of it.
 */
@CrmMockMvcTest
class DeletionPreviewIT {

    static final String HIDDEN_TITLE = "Hidden subtask: layoffs in March";
    static final String HIDDEN_FILE = "hidden-names.txt";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String owner;
    String lead;

    @BeforeEach
    void users() {
        api = new Api(port);
        owner = api.newUser("downer");
        lead = api.newUser("dlead");
    }

    private long create(String user, String path, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private static List<Long> ids(JsonNode objects) {
        return objects.findValues("id").stream().map(JsonNode::asLong).toList();
    }

    /** The owner's project; its lead (sole responsible) adds a task of his own, with a subtask the owner may not see. */
    record Setup(long project, long task, long hidden, long hiddenFile) {
    }

    private Setup projectWithAHiddenPart() {
        long project = create(owner, "/api/projects", Map.of("title", "Reorg", "responsible", List.of(lead)));
        long task = create(lead, "/api/tasks", Map.of("title", "Lead's task", "project", project, "coOwner", lead));
        long hidden = create(lead, "/api/tasks", Map.of("title", HIDDEN_TITLE, "parent", task));
        long hiddenFile = api.upload(lead, hidden, HIDDEN_FILE, "text/plain",
                ("names " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)).body().get("id").asLong();
        assertThat(api.as(owner, "GET", "/api/tasks/" + hidden, null).status()).isEqualTo(404);
        return new Setup(project, task, hidden, hiddenFile);
    }

    @Test
    void thePreviewNamesWhatTheCallerSeesAndCountsTheRest() throws Exception {
        Setup s = projectWithAHiddenPart();
        Api.Response preview = api.as(owner, "GET", "/api/projects/" + s.project() + "/deletion-preview", null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(ids(preview.body().get("objects"))).containsExactly(s.project(), s.task());
        assertThat(preview.body().get("hidden").asInt()).isEqualTo(2);
        assertThat(preview.text()).doesNotContain(HIDDEN_TITLE).doesNotContain(HIDDEN_FILE)
                .doesNotContain("\"id\":" + s.hidden()).doesNotContain("\"id\":" + s.hiddenFile());

        String page = mvc.perform(get("/projects/" + s.project() + "/delete").with(user(owner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"deletion-hidden\"").contains("and 2 further objects you may not view")
                .contains("These 4 objects will be deleted").contains("name=\"objects\" value=\"4\"")
                .doesNotContain("layoffs").doesNotContain(HIDDEN_FILE)
                .doesNotContain("data-object-id=\"" + s.hidden() + "\"");

        // the lead sees everything in his own task's preview
        JsonNode own = api.as(lead, "GET", "/api/tasks/" + s.task() + "/deletion-preview", null).body();
        assertThat(ids(own.get("objects"))).containsExactly(s.task(), s.hidden(), s.hiddenFile());
        assertThat(own.get("hidden").asInt()).isZero();
    }

    @Test
    void theDeleteTakesWhatWasAnnouncedOrNothingAndARestoreBringsItAllBack() throws Exception {
        Setup s = projectWithAHiddenPart();
        // a part added after the preview: the announced count no longer holds, nothing is removed
        Api.Response stale = api.as(owner, "DELETE", "/api/projects/" + s.project() + "?objects=3", null);
        assertThat(stale.status()).as(stale.text()).isEqualTo(409);
        assertThat(api.as(lead, "GET", "/api/tasks/" + s.hidden(), null).status()).isEqualTo(200);
        mvc.perform(post("/projects/" + s.project() + "/delete").param("objects", "3").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/projects/" + s.project()));
        assertThat(api.as(owner, "GET", "/api/projects/" + s.project(), null).status()).isEqualTo(200);

        mvc.perform(post("/projects/" + s.project() + "/delete").param("objects", "4").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/projects"));
        for (long gone : List.of(s.project(), s.task(), s.hidden(), s.hiddenFile())) {
            assertThat(api.as("admin", "GET", "/api/objects/" + gone, null).body().get("deleted").asBoolean())
                    .as("ID" + gone).isTrue();
        }
        Api.Response restored = api.as("admin", "POST", "/api/objects/" + s.project() + "/restore", null);
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        // every object the delete removed comes back (a file whose content was purged meanwhile is named instead)
        assertThat(ids(restored.body().get("restored"))).startsWith(s.project(), s.task(), s.hidden());
        assertThat(java.util.stream.Stream.concat(ids(restored.body().get("restored")).stream(),
                ids(restored.body().get("missingContent")).stream()))
                .containsExactlyInAnyOrder(s.project(), s.task(), s.hidden(), s.hiddenFile());
        assertThat(api.as(lead, "GET", "/api/tasks/" + s.hidden(), null).status()).isEqualTo(200);
    }

    @Test
    void memoAndFilePreviewsHideNothingAndSaySo() {
        String recipient = api.newUser("drec");
        long memo = create(owner, "/api/memos", Map.of("title", "With a file", "to", recipient));
        long file = api.upload(owner, memo, "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8)).body()
                .get("id").asLong();
        JsonNode preview = api.as(owner, "GET", "/api/memos/" + memo + "/deletion-preview", null).body();
        assertThat(ids(preview.get("objects"))).containsExactly(memo, file);
        assertThat(preview.get("hidden").asInt()).isZero();
        JsonNode filePreview = api.as(owner, "GET", "/api/files/" + file + "/deletion-preview", null).body();
        assertThat(ids(filePreview.get("objects"))).containsExactly(file);
        assertThat(filePreview.get("hidden").asInt()).isZero();
        assertThat(api.as(owner, "DELETE", "/api/memos/" + memo + "?objects=1", null).status()).isEqualTo(409);
        assertThat(api.as(owner, "DELETE", "/api/memos/" + memo + "?objects=2", null).status()).isEqualTo(204);
    }
}
