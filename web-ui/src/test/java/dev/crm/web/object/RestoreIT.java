package dev.crm.web.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.file.FileQueries;
import dev.crm.app.file.ContentStore;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.crm.query.replay.ReadModelRebuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Restore on PostgreSQL: what a delete removed comes back together, timelines go on, purged content is named. */
@CrmIntegrationTest
class RestoreIT {

    @LocalServerPort
    int port;
    @Autowired
    FileQueries files;
    @Autowired
    ContentStore store;
    Api api;
    String author;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("rauthor");
    }

    /**
     * Content without references is purged within seconds (the API contract); a test that restores files
     * holds the purge off with the maintenance flag a read-model rebuild uses, as an admin's restore
     * within those seconds would find it.
     */
    void holdPurging(boolean hold) {
        jdbc.update("UPDATE crm_maintenance SET active = ? WHERE name = ?", hold, ReadModelRebuilder.MAINTENANCE);
    }

    @AfterEach
    void purgeAgain() {
        holdPurging(false);
    }

    private long create(String user, String path, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private long upload(String user, long attachTo, String name) {
        Api.Response r = api.upload(user, attachTo, name, "text/plain",
                (name + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private static List<Long> ids(JsonNode node) {
        return node.findValues("id").stream().map(JsonNode::asLong).toList();
    }

    private List<String> events(long id) {
        return api.as("admin", "GET", "/api/objects/" + id + "/history", null).body().get("entries")
                .findValuesAsText("event");
    }

    @Test
    void aMemoComesBackWithTheFilesItsDeleteTookAndTheirTimelinesGoOn() {
        holdPurging(true);
        String recipient = api.newUser("rrecipient");
        long memo = create(author, "/api/memos", Map.of("title", "Keep me", "to", recipient));
        long first = upload(author, memo, "a.txt");
        long second = upload(author, memo, "b.txt");
        String sha = files.find(first).orElseThrow().sha256();
        assertThat(api.as(author, "DELETE", "/api/memos/" + memo, null).status()).isEqualTo(204);
        assertThat(files.referenceCount(sha)).isZero();

        // nobody but an admin may restore, or learn the deleted memo exists
        assertThat(api.as(author, "POST", "/api/objects/" + memo + "/restore", null).status()).isEqualTo(404);
        // a part comes back only with the delete's root
        Api.Response part = api.as("admin", "POST", "/api/objects/" + first + "/restore", null);
        assertThat(part.status()).isEqualTo(409);
        assertThat(part.body().get("detail").asText()).contains("ID " + memo);

        Api.Response restored = api.as("admin", "POST", "/api/objects/" + memo + "/restore", null);
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(ids(restored.body().get("restored"))).containsExactly(memo, first, second);
        assertThat(restored.body().get("missingContent")).isEmpty();

        // back for its author and recipient, with both files and their content
        assertThat(api.as(author, "GET", "/api/memos/" + memo, null).status()).isEqualTo(200);
        assertThat(api.as(recipient, "GET", "/api/memos/" + memo, null).status()).isEqualTo(200);
        assertThat(files.attachedTo(memo)).hasSize(2);
        assertThat(files.referenceCount(sha)).isEqualTo(1);
        assertThat(api.download(author, "/api/files/" + first + "/content").status()).isEqualTo(200);
        assertThat(events(memo)).containsSubsequence("MemoDeleted", "MemoRestored", "FileRestored", "FileRestored");
        assertThat(events(first)).endsWith("FileDetached", "FileRestored");
        // and it takes commands again
        assertThat(api.as(recipient, "POST", "/api/memos/" + memo + "/review", Map.of("conclusion", "ok")).status())
                .isEqualTo(200);
        assertThat(api.as("admin", "POST", "/api/objects/" + memo + "/restore", null).status()).isEqualTo(409);
    }

    @Test
    void aFileWhoseContentWasPurgedIsNamedAndStaysDeleted() {
        long memo = create(author, "/api/memos", Map.of("title", "Purged", "draft", true));
        long file = upload(author, memo, "gone.txt");
        String sha = files.find(file).orElseThrow().sha256();
        assertThat(api.as(author, "DELETE", "/api/memos/" + memo, null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> !store.exists(sha));

        Api.Response restored = api.as("admin", "POST", "/api/objects/" + memo + "/restore", null);
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        assertThat(ids(restored.body().get("restored"))).containsExactly(memo);
        assertThat(ids(restored.body().get("missingContent"))).containsExactly(file);
        assertThat(api.as(author, "GET", "/api/memos/" + memo, null).status()).isEqualTo(200);
        assertThat(api.as(author, "GET", "/api/files/" + file, null).status()).isEqualTo(404);
        assertThat(files.attachedTo(memo)).isEmpty();
    }

    @Test
    void aProjectComesBackWithItsTasksAndSeparateDeletesStaySeparate() {
        holdPurging(true);
        long project = create(author, "/api/projects", Map.of("title", "Restorable"));
        long task = create(author, "/api/tasks", Map.of("title", "Its task", "project", project));
        long sub = create(author, "/api/tasks", Map.of("title", "Its subtask", "parent", task));
        long loose = upload(author, project, "loose.txt");
        // the file is deleted on its own first, then the project with its tasks
        assertThat(api.as(author, "DELETE", "/api/files/" + loose, null).status()).isEqualTo(204);
        assertThat(api.as(author, "DELETE", "/api/projects/" + project, null).status()).isEqualTo(204);

        // the loose file cannot come back while its project is deleted
        assertThat(api.as("admin", "POST", "/api/objects/" + loose + "/restore", null).status()).isEqualTo(409);
        assertThat(api.as("admin", "POST", "/api/objects/" + task + "/restore", null).status()).isEqualTo(409);
        Api.Response restored = api.as("admin", "POST", "/api/objects/" + project + "/restore", null);
        assertThat(ids(restored.body().get("restored"))).containsExactly(project, task, sub);
        assertThat(api.as(author, "GET", "/api/tasks/" + sub, null).status()).isEqualTo(200);
        assertThat(events(project)).endsWith("ProjectDeleted", "ProjectRestored");
        assertThat(events(sub)).endsWith("TaskDeleted", "TaskRestored");
        // the file's own delete was separate: it is still deleted, and now it may come back on its own
        assertThat(files.attachedTo(project)).isEmpty();
        assertThat(api.as("admin", "POST", "/api/objects/" + loose + "/restore", null).status()).isEqualTo(200);
        assertThat(files.attachedTo(project)).hasSize(1);
    }
}
