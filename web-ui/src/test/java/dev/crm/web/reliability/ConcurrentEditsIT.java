package dev.crm.web.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reliability 2: many clients edit one object at once. Each change either applies (200) or is refused
 * with 409 (it raced another writer) or 412 (its If-Match was stale); nothing else. No applied change is
 * lost: the history lists exactly the applied changes, each once, in the order of their versions.
 */
@CrmIntegrationTest
class ConcurrentEditsIT {

    static final int CLIENTS = 16;
    static final int ATTEMPTS = 12;

    @LocalServerPort
    int port;

    /** What one client saw: the description it tried to set, the answer, and the version it was given. */
    record Outcome(String value, int status, long version) {
    }

    @Test
    void withIfMatchEachChangeAppliesOrIsRefusedAndTheHistoryListsExactlyTheApplied() throws Exception {
        Api api = new Api(port);
        String author = api.newUser("author");
        String chief = api.newUser("chief", "chief");
        long id = api.as(author, "POST", "/api/memos", Map.of("title", "Contested", "to", chief)).body().get("id")
                .asLong();
        List<String> editors = List.of(author, chief, "admin");
        List<Outcome> outcomes = race(CLIENTS, client -> {
            List<Outcome> mine = new ArrayList<>();
            for (int a = 0; a < ATTEMPTS; a++) {
                String editor = editors.get(client % editors.size());
                Api.Response read = api.as(editor, "GET", "/api/memos/" + id, null);
                String etag = read.header("ETag");
                String value = "client " + client + " attempt " + a;
                Api.Response r = api.as(editor, "PATCH", "/api/memos/" + id, Map.of("description", value),
                        Map.of("If-Match", etag));
                mine.add(new Outcome(value, r.status(), r.status() == 200 ? r.body().get("version").asLong() : -1));
            }
            return mine;
        });
        assertEveryChangeAppliedOrRefusedAndNoneLost(api, author, id, outcomes, Set.of(200, 409, 412));
        assertThat(outcomes).anyMatch(o -> o.status() != 200);
    }

    @Test
    void blindWritesWithoutIfMatchAreNeverLost() throws Exception {
        Api api = new Api(port);
        String owner = api.newUser("owner");
        long id = api.as(owner, "POST", "/api/tasks", Map.of("title", "Contested task")).body().get("id").asLong();
        List<Outcome> outcomes = race(CLIENTS, client -> {
            List<Outcome> mine = new ArrayList<>();
            for (int a = 0; a < ATTEMPTS; a++) {
                String value = "client " + client + " attempt " + a;
                Api.Response r = api.as(owner, "PATCH", "/api/tasks/" + id, Map.of("description", value));
                mine.add(new Outcome(value, r.status(), r.status() == 200 ? r.body().get("version").asLong() : -1));
            }
            return mine;
        });
        assertEveryChangeAppliedOrRefusedAndNoneLost(api, owner, id, outcomes, Set.of(200, 409));
    }

    interface Client {
        List<Outcome> run(int client) throws Exception;
    }

    static List<Outcome> race(int clients, Client body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                start.await();
                return body.run(client);
            }));
        }
        start.countDown();
        List<Outcome> all = new ArrayList<>();
        for (Future<List<Outcome>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }

    static void assertEveryChangeAppliedOrRefusedAndNoneLost(Api api, String reader, long id, List<Outcome> outcomes,
                                                            Set<Integer> allowed) {
        assertThat(outcomes).extracting(Outcome::status).allMatch(allowed::contains);
        List<Outcome> applied = outcomes.stream().filter(o -> o.status() == 200).toList();
        assertThat(applied).isNotEmpty();
        JsonNode entries = api.as("admin", "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        // one creation and then exactly the applied changes, each once, at consecutive versions
        assertThat(entries).hasSize(1 + applied.size());
        List<String> historyValues = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode e = entries.get(i);
            assertThat(e.get("sequence").asLong()).isEqualTo(i + 1);
            for (JsonNode change : e.get("changes")) {
                if (i > 0 && change.get("field").asText().equals("description")) {
                    historyValues.add(change.get("to").asText());
                }
            }
        }
        assertThat(historyValues).containsExactlyInAnyOrderElementsOf(applied.stream().map(Outcome::value).toList());
        // every success answered a version at least as new as its own change (the object as it then was)
        for (Outcome o : applied) {
            assertThat(o.version()).isGreaterThanOrEqualTo(historyValues.indexOf(o.value()) + 2L);
        }
        Set<String> refused = new HashSet<>();
        outcomes.stream().filter(o -> o.status() != 200).forEach(o -> refused.add(o.value()));
        assertThat(historyValues).noneMatch(refused::contains);
        // the object's state is the last applied change
        JsonNode last = entries.get(entries.size() - 1);
        assertThat(api.as("admin", "GET", "/api/objects/" + id, null).status()).isEqualTo(200);
        assertThat(last.get("sequence").asLong()).isEqualTo(1 + applied.size());
        System.out.printf("RELIABILITY concurrent edits of object %d: %d attempts, %d applied, %d refused (%s)%n", id,
                outcomes.size(), applied.size(), outcomes.size() - applied.size(),
                outcomes.stream().filter(o -> o.status() != 200)
                        .collect(java.util.stream.Collectors.groupingBy(Outcome::status,
                                java.util.stream.Collectors.counting())));
    }
}
