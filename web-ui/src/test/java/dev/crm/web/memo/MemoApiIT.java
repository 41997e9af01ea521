package dev.crm.web.memo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The memo API as api.md describes it, on real PostgreSQL. */
@CrmIntegrationTest
class MemoApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Api api;
    String author;
    String recipient;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("author");
        recipient = api.newUser("recipient");
    }

    private long create(String user, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", "/api/memos", body);
        assertThat(r.status()).as(r.body() == null ? "" : r.body().toString()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private long sentMemo() {
        return create(author, Map.of("title", "Call ACME", "to", recipient, "description", "about the renewal"));
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
    }

    @Test
    void createdMemoCanBeReadAtOnceWithItsVersionAsETag() {
        Api.Response created = api.as(author, "POST", "/api/memos",
                Map.of("title", "Call ACME", "to", recipient, "description", "renewal"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/memos/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Api.Response read = api.as(author, "GET", "/api/memos/" + id, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        JsonNode memo = read.body();
        assertThat(memo.get("kind").asText()).isEqualTo("memo");
        assertThat(memo.get("version").asLong()).isEqualTo(1);
        assertThat(memo.get("title").asText()).isEqualTo("Call ACME");
        assertThat(memo.get("to").asText()).isEqualTo(recipient);
        assertThat(memo.get("stage").asText()).isEqualTo("pending");
        assertThat(memo.get("draft").asBoolean()).isFalse();
        assertThat(memo.get("owner").asText()).isEqualTo(author);
    }

    @Test
    void idsAreUniqueAcrossObjectsAndIncreasing() {
        long first = sentMemo();
        long second = sentMemo();
        assertThat(second).isGreaterThan(first);
        assertThat(api.as(author, "GET", "/api/objects/" + second, null).body().get("kind").asText()).isEqualTo("memo");
    }

    @Test
    void badInputIsA400ProblemAndStoresNothing() {
        long before = storedEvents();
        Api.Response missingTitle = api.as(author, "POST", "/api/memos", Map.of("to", recipient));
        assertThat(missingTitle.status()).isEqualTo(400);
        assertThat(missingTitle.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missingTitle.body().get("errors").get(0).get("field").asText()).isEqualTo("title");

        Api.Response unknownRecipient = api.as(author, "POST", "/api/memos", Map.of("title", "t", "to", "nobody-here"));
        assertThat(unknownRecipient.status()).isEqualTo(400);
        assertThat(unknownRecipient.body().get("errors").get(0).get("field").asText()).isEqualTo("to");

        Api.Response malformed = api.raw(author, "POST", "/api/memos", "{\"title\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("type").asText()).isEqualTo("urn:crm:problem:malformed");

        Api.Response wrongType = api.as(author, "POST", "/api/memos", Map.of("title", "t", "to", recipient, "draft", "yes"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("errors").get(0).get("field").asText()).isEqualTo("draft");

        Api.Response readOnly = api.as(author, "POST", "/api/memos", Map.of("title", "t", "to", recipient, "stage", "reviewed"));
        assertThat(readOnly.status()).isEqualTo(400);

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void draftIsVisibleToItsAuthorOnly() {
        String chief = api.newUser("chief", "chief");
        String admin = api.newUser("admin", "admin");
        long draft = create(author, Map.of("title", "Not yet", "draft", true));
        assertThat(api.as(author, "GET", "/api/memos/" + draft, null).status()).isEqualTo(200);
        for (String other : List.of(recipient, chief, admin)) {
            assertThat(api.as(other, "GET", "/api/memos/" + draft, null).status()).as(other).isEqualTo(404);
            assertThat(api.as(other, "GET", "/api/objects/" + draft + "/history", null).status()).isEqualTo(404);
            assertThat(api.as(other, "GET", "/api/search?q=ID" + draft, null).body().get("items")).isEmpty();
        }
    }

    @Test
    void sentMemoIsVisibleToAuthorRecipientChiefsTaskOperatorsAndAdminsButNotToOthers() {
        long id = sentMemo();
        for (String user : List.of(author, recipient, api.newUser("chief", "chief"),
                api.newUser("taskop", "task_operator"), api.newUser("admin", "admin"))) {
            assertThat(api.as(user, "GET", "/api/memos/" + id, null).status()).as(user).isEqualTo(200);
        }
        String stranger = api.newUser("stranger", "manager");
        assertThat(api.as(stranger, "GET", "/api/memos/" + id, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/objects/" + id, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/search?q=id%20" + id, null).body().get("items")).isEmpty();
        assertThat(api.as(stranger, "GET", "/api/memos?q=Call%20ACME", null).body().get("items").findValues("id")
                .stream().map(JsonNode::asLong)).doesNotContain(id);
        assertThat(api.as(stranger, "PATCH", "/api/memos/" + id, Map.of("title", "x")).status()).isEqualTo(404);
    }

    @Test
    void authorLosesChangeAndDeleteOnceReviewedWhileChiefsKeepThem() {
        long id = sentMemo();
        assertThat(api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Call ACME today")).status())
                .isEqualTo(200);
        Api.Response reviewed = api.as(recipient, "POST", "/api/memos/" + id + "/review", Map.of("conclusion", "Done"));
        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.body().get("stage").asText()).isEqualTo("reviewed");
        assertThat(reviewed.body().get("conclusion").asText()).isEqualTo("Done");

        Api.Response change = api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "too late"));
        assertThat(change.status()).isEqualTo(403);
        assertThat(change.body().get("detail").asText()).contains("reviewed");
        assertThat(api.as(author, "DELETE", "/api/memos/" + id, null).status()).isEqualTo(403);

        String chief = api.newUser("chief", "chief");
        assertThat(api.as(chief, "PATCH", "/api/memos/" + id, Map.of("title", "Chief's edit")).status()).isEqualTo(200);
        String taskOperator = api.newUser("taskop", "task_operator");
        assertThat(api.as(taskOperator, "PATCH", "/api/memos/" + id, Map.of("description", "noted")).status())
                .isEqualTo(200);
    }

    @Test
    void onlyTheRecipientAChiefOrAnAdminReviewsOrPostpones() {
        long id = sentMemo();
        assertThat(api.as(author, "POST", "/api/memos/" + id + "/review", Map.of()).status()).isEqualTo(403);
        assertThat(api.as(api.newUser("taskop", "task_operator"), "POST", "/api/memos/" + id + "/postpone", null)
                .status()).isEqualTo(403);
        Api.Response postponed = api.as(recipient, "POST", "/api/memos/" + id + "/postpone", null);
        assertThat(postponed.status()).isEqualTo(200);
        assertThat(postponed.body().get("stage").asText()).isEqualTo("postponed");
        assertThat(api.as(recipient, "POST", "/api/memos/" + id + "/postpone", null).status()).isEqualTo(409);
        assertThat(api.as(api.newUser("chief", "chief"), "POST", "/api/memos/" + id + "/review", null).status())
                .isEqualTo(200);
        assertThat(api.as(recipient, "POST", "/api/memos/" + id + "/review", null).status()).isEqualTo(409);
    }

    @Test
    void staleIfMatchIsA412AndChangesNothing() {
        long id = sentMemo();
        assertThat(api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "v2"), Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(200);
        Api.Response stale = api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "lost?"),
                Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(api.as(author, "GET", "/api/memos/" + id, null).body().get("title").asText()).isEqualTo("v2");
    }

    @Test
    void concurrentEditsEitherApplyOrConflictAndNoneIsLost() throws Exception {
        long id = sentMemo();
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                return api.as(author, "PATCH", "/api/memos/" + id, Map.of("description", "edit " + n),
                        Map.of("If-Match", "\"1\"")).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (java.util.concurrent.Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 200 || s == 409 || s == 412);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        JsonNode history = api.as(author, "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        assertThat(history).hasSize(2);
    }

    @Test
    void historyShowsWhoChangedWhatFromWhichValueToWhich() {
        long id = sentMemo();
        api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Call ACME today"));
        api.as(recipient, "POST", "/api/memos/" + id + "/review", Map.of("conclusion", "Called"));
        JsonNode entries = api.as(author, "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("event").asText()).isEqualTo("MemoCreated");
        assertThat(entries.get(0).get("user").asText()).isEqualTo(author);
        assertThat(entries.get(0).get("sequence").asLong()).isEqualTo(1);
        JsonNode change = entries.get(1);
        assertThat(change.get("event").asText()).isEqualTo("MemoChanged");
        assertThat(change.get("changes").get(0).get("field").asText()).isEqualTo("title");
        assertThat(change.get("changes").get(0).get("from").asText()).isEqualTo("Call ACME");
        assertThat(change.get("changes").get(0).get("to").asText()).isEqualTo("Call ACME today");
        assertThat(entries.get(2).get("event").asText()).isEqualTo("MemoReviewed");
        assertThat(entries.get(2).get("user").asText()).isEqualTo(recipient);
        assertThat(entries.get(2).get("at").asText()).isNotBlank();
    }

    @Test
    void deletedMemoKeepsItsHistoryForAdminsOnly() {
        long id = sentMemo();
        Api.Response preview = api.as(author, "GET", "/api/memos/" + id + "/deletion-preview", null);
        assertThat(preview.body().get("objects").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(api.as(author, "DELETE", "/api/memos/" + id, null).status()).isEqualTo(204);
        assertThat(api.as(author, "GET", "/api/memos/" + id, null).status()).isEqualTo(404);
        assertThat(api.as(author, "GET", "/api/objects/" + id + "/history", null).status()).isEqualTo(404);
        assertThat(api.as(author, "DELETE", "/api/memos/" + id, null).status()).isEqualTo(404);
        JsonNode entries = api.as("admin", "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).get("event").asText()).isEqualTo("MemoDeleted");
        assertThat(entries.get(1).get("user").asText()).isEqualTo(author);
        assertThat(api.as("admin", "GET", "/api/objects/" + id, null).body().get("deleted").asBoolean()).isTrue();
    }

    @Test
    void listAndTextSearchFindOnlyVisibleMemos() {
        String marker = "Zebra" + System.nanoTime();
        long visible = create(author, Map.of("title", marker + " offer", "to", recipient));
        create(api.newUser("other"), Map.of("title", marker + " secret", "draft", true));
        JsonNode list = api.as(recipient, "GET", "/api/memos?q=" + marker, null).body();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(visible);
        JsonNode search = api.as(recipient, "GET", "/api/search?q=" + marker.toLowerCase(), null).body();
        assertThat(search.get("items")).hasSize(1);
        assertThat(api.as(recipient, "GET", "/api/search?q=ID" + visible, null).body().get("items").get(0)
                .get("kind").asText()).isEqualTo("memo");
    }

    @Test
    void usersAreManagedByAdminsOnly() {
        Map<String, Object> body = new HashMap<>(Map.of("username", "eve" + System.nanoTime() % 100000,
                "password", "long-enough-1", "roles", List.of("chief")));
        assertThat(api.as(author, "POST", "/api/users", body).status()).isEqualTo(403);
        assertThat(api.as("admin", "POST", "/api/users", body).status()).isEqualTo(201);
        assertThat(api.as("admin", "POST", "/api/users", body).status()).isEqualTo(409);
        body.put("username", "Bad Name");
        assertThat(api.as("admin", "POST", "/api/users", body).status()).isEqualTo(400);
        assertThat(api.anonymous("GET", "/api/me").status()).isEqualTo(401);
        assertThat(api.as(author, "GET", "/api/me", null).body().get("roles").toString()).contains("co_worker");
    }
}
