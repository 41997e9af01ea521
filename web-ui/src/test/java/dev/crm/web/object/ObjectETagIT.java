package dev.crm.web.object;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: {@code GET /api/objects/{id}} answers {@code ETag: "<version>"}, the object's version (the number of
 * its events) whatever its kind, the same as the kind's own {@code GET} and its history's last {@code sequence};
 * it moves with every change, and its If-Match works on the kind's changes.
 */
@CrmIntegrationTest
class ObjectETagIT {

    @LocalServerPort
    int port;

    @Test
    void theETagOfAnyObjectIsItsVersionAndMovesWithEachChange() {
        Api api = new Api(port);
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Tagged", "to", recipient)).body().get("id")
                .asLong();
        assertThat(etag(api, author, memo)).isEqualTo("\"1\"");
        sameAsTheKindAndTheHistory(api, author, memo, "/api/memos/" + memo);

        api.as(author, "PATCH", "/api/memos/" + memo, Map.of("title", "Tagged again"));
        assertThat(etag(api, author, memo)).isEqualTo("\"2\"");
        api.as(recipient, "POST", "/api/memos/" + memo + "/postpone", null, Map.of("If-Match", etag(api, recipient, memo)));
        assertThat(etag(api, author, memo)).isEqualTo("\"3\"");
        sameAsTheKindAndTheHistory(api, author, memo, "/api/memos/" + memo);

        // a file is an object of its own: attaching it leaves the memo's version as it is
        long file = api.upload(author, memo, "tag.txt", "text/plain", ("tag " + System.nanoTime()).getBytes())
                .body().get("id").asLong();
        assertThat(etag(api, author, file)).isEqualTo("\"1\"");
        assertThat(etag(api, author, memo)).isEqualTo("\"3\"");

        long task = api.as(author, "POST", "/api/tasks", Map.of("title", "Tagged task")).body().get("id").asLong();
        api.as(author, "POST", "/api/tasks/" + task + "/complete", null);
        assertThat(etag(api, author, task)).isEqualTo("\"2\"");
        sameAsTheKindAndTheHistory(api, author, task, "/api/tasks/" + task);

        long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Tags " + System.nanoTime()))
                .body().get("id").asLong();
        api.as("admin", "PATCH", "/api/admin/departments/" + department, Map.of("name", "Tags " + System.nanoTime()));
        assertThat(etag(api, "admin", department)).isEqualTo("\"2\"");
        sameAsTheKindAndTheHistory(api, "admin", department, "/api/admin/departments/" + department);

        // deleted: an admin still reads it, one version further
        assertThat(api.as("admin", "DELETE", "/api/tasks/" + task, null, Map.of("If-Match", etag(api, author, task)))
                .status()).isEqualTo(204);
        assertThat(etag(api, "admin", task)).isEqualTo("\"3\"");
    }

    private static String etag(Api api, String user, long id) {
        Api.Response r = api.as(user, "GET", "/api/objects/" + id, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.header("ETag");
    }

    private static void sameAsTheKindAndTheHistory(Api api, String user, long id, String kindPath) {
        String etag = etag(api, user, id);
        Api.Response own = api.as(user, "GET", kindPath, null);
        assertThat(own.header("ETag")).isEqualTo(etag);
        assertThat(own.body().get("version").asLong()).isEqualTo(Long.parseLong(etag.replace("\"", "")));
        JsonNode entries = api.as(user, "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        long last = 0;
        for (JsonNode entry : entries) {
            if (entry.path("file").isNull() || entry.path("file").isMissingNode()) {
                last = entry.get("sequence").asLong();
            }
        }
        assertThat(last).isEqualTo(Long.parseLong(etag.replace("\"", "")));
    }
}
