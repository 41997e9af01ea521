package dev.crm.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13: every operation of the API that changes an object (or a user) honours {@code If-Match}: a stale
 * version is 412 {@code urn:crm:problem:stale-version} and changes nothing, one that is not a version is 400,
 * the current one works. Each operation gets objects of its own.
 */
@CrmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IfMatchIT {

    @LocalServerPort
    int port;

    Api api;

    @BeforeAll
    void api() {
        api = new Api(port);
    }

    /**
     * One change, ready to be sent: who sends it, the request, where its version is read (the ETag of
     * {@code versionOf}), what must be unchanged after a refused attempt ({@code unchanged}, read by the same user),
     * and the status of a success.
     */
    record Change(String actor, String method, String path, Object body, String versionOf, List<String> unchanged,
                  int success) {
    }

    record Operation(String name, Function<IfMatchIT, Change> setUp) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Operation> operations() {
        return Stream.of(
                new Operation("PATCH /api/memos/{id}", t -> t.onMemo("author", "PATCH", "", Map.of("title", "Changed"), 200)),
                new Operation("DELETE /api/memos/{id}", t -> t.onMemo("author", "DELETE", "", null, 204)),
                new Operation("POST /api/memos/{id}/review", t -> t.onMemo("recipient", "POST", "/review",
                        Map.of("conclusion", "Seen"), 200)),
                new Operation("POST /api/memos/{id}/postpone", t -> t.onMemo("recipient", "POST", "/postpone", null, 200)),
                new Operation("POST /api/memos/{id}/task", t -> t.fromMemo("task")),
                new Operation("POST /api/memos/{id}/project", t -> t.fromMemo("project")),
                new Operation("POST /api/memos/{id}/task of a reviewed memo", t -> t.fromReviewedMemo()),
                new Operation("PATCH /api/tasks/{id}", t -> t.onWork("tasks", "PATCH", "", Map.of("title", "Changed"), 200)),
                new Operation("PATCH /api/tasks/{id} with stage", t -> t.onWork("tasks", "PATCH", "",
                        Map.of("stage", "in_progress"), 200)),
                new Operation("POST /api/tasks/{id}/complete", t -> t.onWork("tasks", "POST", "/complete", null, 200)),
                new Operation("PUT /api/tasks/{id}/owner", t -> t.onWork("tasks", "PUT", "/owner",
                        Map.of("owner", t.api.newUser("heir")), 200)),
                new Operation("DELETE /api/tasks/{id}", t -> t.onWork("tasks", "DELETE", "", null, 204)),
                new Operation("PATCH /api/projects/{id}", t -> t.onWork("projects", "PATCH", "",
                        Map.of("title", "Changed"), 200)),
                new Operation("POST /api/projects/{id}/complete", t -> t.onWork("projects", "POST", "/complete", null, 200)),
                new Operation("PUT /api/projects/{id}/owner", t -> t.onWork("projects", "PUT", "/owner",
                        Map.of("owner", t.api.newUser("heir")), 200)),
                new Operation("DELETE /api/projects/{id}", t -> t.onWork("projects", "DELETE", "", null, 204)),
                new Operation("DELETE /api/files/{id}", t -> t.fileDelete()),
                new Operation("POST /api/objects/{id}/restore", t -> t.restore()),
                new Operation("PATCH /api/admin/departments/{id}", t -> t.department()),
                new Operation("PUT /api/users/{username}/roles", t -> t.onUser("PUT", "/roles",
                        Map.of("roles", List.of("manager")), false)),
                new Operation("PUT /api/users/{username}/departments", t -> t.onUser("PUT", "/departments",
                        Map.of("departments", List.of(t.newDepartment())), false)),
                new Operation("POST /api/users/{username}/deactivate", t -> t.onUser("POST", "/deactivate", null, false)),
                new Operation("POST /api/users/{username}/activate", t -> t.onUser("POST", "/activate", null, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void aStaleIfMatchIs412AndChangesNothingTheCurrentOneWorks(Operation operation) {
        Change change = operation.setUp().apply(this);
        long version = version(change);
        long stale = version > 1 ? version - 1 : version + 1;
        List<String> before = snapshot(change);

        Api.Response refused = send(change, "\"" + stale + "\"");
        assertThat(refused.status()).as(refused.text()).isEqualTo(412);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:crm:problem:stale-version");
        assertThat(snapshot(change)).as("a stale If-Match changes nothing").isEqualTo(before);

        Api.Response unreadable = send(change, "\"not a version\"");
        assertThat(unreadable.status()).as(unreadable.text()).isEqualTo(400);
        assertThat(unreadable.body().get("type").asText()).isEqualTo("urn:crm:problem:validation");
        assertThat(unreadable.body().get("errors").get(0).get("field").asText()).isEqualTo("If-Match");
        assertThat(snapshot(change)).as("an unreadable If-Match changes nothing").isEqualTo(before);

        Api.Response done = send(change, "\"" + version + "\"");
        assertThat(done.status()).as(done.text()).isEqualTo(change.success());
        assertThat(snapshot(change)).as("the current If-Match changes it").isNotEqualTo(before);
    }

    private Api.Response send(Change change, String ifMatch) {
        return api.as(change.actor(), change.method(), change.path(), change.body(), Map.of("If-Match", ifMatch));
    }

    private long version(Change change) {
        Api.Response r = api.as(change.actor(), "GET", change.versionOf(), null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return Long.parseLong(r.header("ETag").replace("\"", ""));
    }

    /** What the user sees of the object: each path's status, ETag and body. */
    private List<String> snapshot(Change change) {
        List<String> seen = new ArrayList<>();
        for (String path : change.unchanged()) {
            Api.Response r = api.as(change.actor(), "GET", path, null);
            seen.add(r.status() + " " + r.header("ETag") + " " + r.text());
        }
        return seen;
    }

    private static List<String> objectViews(long id) {
        return List.of("/api/objects/" + id, "/api/objects/" + id + "/history");
    }

    // --- the objects of each operation ---

    private Change onMemo(String who, String method, String suffix, Object body, int success) {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Memo", "to", recipient)).body().get("id").asLong();
        api.as(author, "PATCH", "/api/memos/" + memo, Map.of("description", "Version two"));
        List<String> unchanged = new ArrayList<>(objectViews(memo));
        unchanged.add("/api/memos/" + memo);
        return new Change(who.equals("author") ? author : recipient, method, "/api/memos/" + memo + suffix, body,
                "/api/memos/" + memo, unchanged, success);
    }

    /** If-Match of a task (project) from a memo is the memo's version: it is reviewed by it. */
    private Change fromMemo(String kind) {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Memo", "to", recipient)).body().get("id").asLong();
        api.as(author, "PATCH", "/api/memos/" + memo, Map.of("description", "Version two"));
        return new Change(recipient, "POST", "/api/memos/" + memo + "/" + kind, Map.of("title", "From the memo"),
                "/api/memos/" + memo, List.of("/api/memos/" + memo, "/api/objects/" + memo + "/history",
                "/api/objects/" + memo + "/links", "/api/" + kind + "s?mine=true"), 201);
    }

    /** A reviewed memo gets no new event from a task made of it; its version is still the one to match. */
    private Change fromReviewedMemo() {
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Memo", "to", recipient)).body().get("id").asLong();
        api.as(recipient, "POST", "/api/memos/" + memo + "/review", Map.of("conclusion", "Seen"));
        return new Change(recipient, "POST", "/api/memos/" + memo + "/task", Map.of("title", "From the memo"),
                "/api/memos/" + memo, List.of("/api/memos/" + memo, "/api/objects/" + memo + "/links",
                "/api/tasks?mine=true"), 201);
    }

    private Change onWork(String kinds, String method, String suffix, Object body, int success) {
        String owner = api.newUser("owner");
        long id = api.as(owner, "POST", "/api/" + kinds, Map.of("title", "Work")).body().get("id").asLong();
        api.as(owner, "PATCH", "/api/" + kinds + "/" + id, Map.of("description", "Version two"));
        List<String> unchanged = new ArrayList<>(objectViews(id));
        unchanged.add("/api/" + kinds + "/" + id);
        return new Change(owner, method, "/api/" + kinds + "/" + id + suffix, body, "/api/" + kinds + "/" + id, unchanged,
                success);
    }

    private Change fileDelete() {
        String author = api.newUser("author");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "With a file", "draft", true)).body().get("id")
                .asLong();
        long file = api.upload(author, memo, "a.txt", "text/plain", ("file " + System.nanoTime()).getBytes())
                .body().get("id").asLong();
        List<String> unchanged = new ArrayList<>(objectViews(file));
        unchanged.add("/api/files?attachedTo=" + memo);
        return new Change(author, "DELETE", "/api/files/" + file, null, "/api/objects/" + file, unchanged, 204);
    }

    /** Restore's If-Match is the deleted object's version. */
    private Change restore() {
        String author = api.newUser("author");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Gone", "draft", true)).body().get("id").asLong();
        assertThat(api.as(author, "DELETE", "/api/memos/" + memo, null).status()).isEqualTo(204);
        return new Change("admin", "POST", "/api/objects/" + memo + "/restore", null, "/api/objects/" + memo,
                objectViews(memo), 200);
    }

    private Change department() {
        long id = newDepartment();
        api.as("admin", "PATCH", "/api/admin/departments/" + id, Map.of("name", "Dept " + System.nanoTime()));
        List<String> unchanged = new ArrayList<>(objectViews(id));
        unchanged.add("/api/admin/departments/" + id);
        return new Change("admin", "PATCH", "/api/admin/departments/" + id, Map.of("name", "Dept " + System.nanoTime()),
                "/api/admin/departments/" + id, unchanged, 200);
    }

    long newDepartment() {
        return api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Dept " + System.nanoTime()))
                .body().get("id").asLong();
    }

    /** A user's version is the number of events of their stream. */
    private Change onUser(String method, String suffix, Object body, boolean deactivated) {
        String user = api.newUser("member", "operator");
        if (deactivated) {
            assertThat(api.as("admin", "POST", "/api/users/" + user + "/deactivate", null).status()).isEqualTo(200);
        }
        return new Change("admin", method, "/api/users/" + user + suffix, body, "/api/users/" + user,
                List.of("/api/users/" + user, "/api/users/" + user + "/history"), 200);
    }
}
