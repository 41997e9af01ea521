package dev.crm.web.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Time travel ({@code GET /api/objects/{id}/state}) on PostgreSQL: memos, tasks and deals at moments between their
 * events, exactly at one, and right after their n-th event; the state after the last event is, field by field, the
 * object the API answers now; the history's view rules (a deleted object for admins only, a memo's draft part for its
 * author); and the answers to a moment before the object, a version beyond it, and malformed parameters.
 */
@CrmIntegrationTest
class TimeTravelIT {

    /** The API's fields that are not the object's own (they are the state's own components). */
    static final Set<String> NOT_FIELDS = Set.of("id", "kind", "version");

    @LocalServerPort
    int port;
    @Autowired
    DealService deals;
    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    JsonNode state(String user, long id, String query) {
        Api.Response r = api.as(user, "GET", "/api/objects/" + id + "/state?" + query, null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    int status(String user, long id, String query) {
        Api.Response r = api.as(user, "GET", "/api/objects/" + id + "/state?" + query, null);
        if (r.status() >= 400) {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        return r.status();
    }

    static String at(Instant moment) {
        return "at=" + URLEncoder.encode(moment.toString(), StandardCharsets.UTF_8);
    }

    List<Instant> times(String user, long id) {
        List<Instant> times = new java.util.ArrayList<>();
        api.as(user, "GET", "/api/objects/" + id + "/history", null).body().get("entries")
                .forEach(e -> times.add(Instant.parse(e.get("at").asText())));
        return times;
    }

    /** Waits until the clock has passed the object's last event, so that the next one is at a later moment. */
    void afterLastEvent(String user, long id) {
        List<Instant> times = times(user, id);
        Instant last = times.get(times.size() - 1);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
                .until(() -> Instant.now().isAfter(last.plusMillis(1)));
    }

    /** Every field of the API's object equals the state's field of that name (numbers by value, times as instants). */
    static void sameFields(JsonNode current, JsonNode state) {
        assertThat(state.get("version").asLong()).isEqualTo(current.get("version").asLong());
        JsonNode fields = state.get("fields");
        for (Iterator<Map.Entry<String, JsonNode>> it = current.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (NOT_FIELDS.contains(field.getKey())) {
                continue;
            }
            assertThat(fields.has(field.getKey())).as("the state has the API's field " + field.getKey()).isTrue();
            assertThat(same(field.getValue(), fields.get(field.getKey())))
                    .as(field.getKey() + ": now " + field.getValue() + ", state " + fields.get(field.getKey())).isTrue();
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isTextual() && b.isTextual() && a.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
            return Instant.parse(a.asText()).equals(Instant.parse(b.asText()));
        }
        return a.equals(b);
    }

    @Test
    void aMemoAtEachMomentOfItsLifeAndNowAsTheApiAnswersIt() {
        String author = api.newUser("ttauthor");
        String recipient = api.newUser("ttrecipient");
        String stranger = api.newUser("ttstranger");
        Instant before = Instant.now().minusMillis(1);
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "First title", "to", recipient,
                "description", "Line one")).body().get("id").asLong();
        afterLastEvent(author, memo);
        assertThat(api.as(author, "PATCH", "/api/memos/" + memo, Map.of("title", "Second title")).status())
                .isEqualTo(200);
        afterLastEvent(author, memo);
        assertThat(api.as(recipient, "POST", "/api/memos/" + memo + "/review", Map.of("conclusion", "Fine"))
                .status()).isEqualTo(200);
        List<Instant> times = times(author, memo);
        assertThat(times).hasSize(3);

        JsonNode first = state(author, memo, "version=1");
        assertThat(first.get("id").asLong()).isEqualTo(memo);
        assertThat(first.get("kind").asText()).isEqualTo("memo");
        assertThat(first.get("version").asLong()).isEqualTo(1);
        assertThat(first.get("deleted").asBoolean()).isFalse();
        assertThat(Instant.parse(first.get("at").asText())).isEqualTo(times.get(0));
        assertThat(first.at("/fields/title").asText()).isEqualTo("First title");
        assertThat(first.at("/fields/stage").asText()).isEqualTo("pending");
        assertThat(first.at("/fields/draft").isBoolean()).as("a flag is a boolean").isTrue();
        assertThat(first.at("/fields/conclusion").isNull()).isTrue();

        // between the first and the second event: the first state
        Instant between = times.get(1).minusNanos(500_000);
        JsonNode betweenState = state(recipient, memo, at(between));
        assertThat(betweenState.get("version").asLong()).isEqualTo(1);
        assertThat(betweenState.at("/fields/title").asText()).isEqualTo("First title");
        assertThat(Instant.parse(betweenState.get("at").asText())).as("the moment asked for").isEqualTo(between);
        // exactly at the second event: it counts
        JsonNode second = state(recipient, memo, at(times.get(1)));
        assertThat(second.get("version").asLong()).isEqualTo(2);
        assertThat(second.at("/fields/title").asText()).isEqualTo("Second title");
        assertThat(second.at("/fields/stage").asText()).isEqualTo("pending");

        JsonNode now = state(author, memo, "version=3");
        assertThat(now.at("/fields/stage").asText()).isEqualTo("reviewed");
        assertThat(now.at("/fields/conclusion").asText()).isEqualTo("Fine");
        sameFields(api.as(author, "GET", "/api/memos/" + memo, null).body(), now);
        sameFields(api.as(author, "GET", "/api/memos/" + memo, null).body(),
                state(author, memo, at(Instant.now().plusSeconds(3600))));

        assertThat(status(author, memo, at(before))).as("before it existed").isEqualTo(404);
        assertThat(status(author, memo, "version=4")).as("beyond its last version").isEqualTo(404);
        assertThat(status(stranger, memo, "version=1")).as("a memo the user may not see").isEqualTo(404);
        assertThat(status(author, memo, "version=0")).isEqualTo(400);
        assertThat(status(author, memo, "version=two")).isEqualTo(400);
        assertThat(status(author, memo, "at=yesterday")).isEqualTo(400);
        assertThat(status(author, memo, "")).as("neither").isEqualTo(400);
        assertThat(status(author, memo, "version=1&" + at(times.get(0)))).as("both").isEqualTo(400);
        assertThat(status(author, 999_999_999L, "version=1")).isEqualTo(404);
    }

    @Test
    void aMemosDraftPartIsItsAuthorsAsInItsHistory() {
        String author = api.newUser("ttdraft");
        String recipient = api.newUser("ttreader");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Secret draft", "draft", true,
                "description", "Words nobody else reads")).body().get("id").asLong();
        assertThat(api.as(author, "PATCH", "/api/memos/" + memo, Map.of("title", "As sent", "to", recipient,
                "description", "Sent words", "draft", false)).status()).isEqualTo(200);

        assertThat(state(author, memo, "version=1").at("/fields/description").asText())
                .isEqualTo("Words nobody else reads");
        assertThat(status(recipient, memo, "version=1")).as("the draft part is its author's").isEqualTo(404);
        JsonNode sent = state(recipient, memo, "version=2");
        assertThat(sent.at("/fields/title").asText()).isEqualTo("As sent");
        assertThat(sent.at("/fields/draft").asBoolean()).isFalse();
        assertThat(sent.toString()).doesNotContain("Words nobody else reads", "Secret draft");
        sameFields(api.as(recipient, "GET", "/api/memos/" + memo, null).body(), sent);
    }

    @Test
    void aTaskAtEachVersionAndDeletedForAdminsOnly() {
        String owner = api.newUser("ttowner");
        String helper = api.newUser("tthelper");
        long task = api.as(owner, "POST", "/api/tasks", Map.of("title", "Write the report", "priority", "high",
                "responsible", List.of(owner), "tags", List.of("audit"))).body().get("id").asLong();
        afterLastEvent(owner, task);
        assertThat(api.as(owner, "PATCH", "/api/tasks/" + task, Map.of("stage", "in_progress", "dueDate",
                "2030-01-31", "responsible", List.of(owner, helper), "description", "With figures")).status())
                .isEqualTo(200);
        afterLastEvent(owner, task);
        assertThat(api.as(owner, "PATCH", "/api/tasks/" + task, Map.of("title", "Write the final report",
                "tags", List.of("audit", "q4"))).status()).isEqualTo(200);

        JsonNode first = state(owner, task, "version=1");
        assertThat(first.at("/fields/title").asText()).isEqualTo("Write the report");
        assertThat(first.at("/fields/stage").asText()).isEqualTo("pending");
        assertThat(first.at("/fields/priority").asText()).isEqualTo("high");
        assertThat(first.at("/fields/responsible").toString()).isEqualTo("[\"" + owner + "\"]");
        assertThat(first.at("/fields/subscribers").toString()).as("no users: an empty list").isEqualTo("[]");
        assertThat(first.at("/fields/dueDate").isNull()).isTrue();
        JsonNode current = api.as(owner, "GET", "/api/tasks/" + task, null).body();
        long last = current.get("version").asLong();
        JsonNode beforeTitle = state(owner, task, "version=" + (last - 1));
        assertThat(beforeTitle.at("/fields/stage").asText()).isEqualTo("in_progress");
        assertThat(beforeTitle.at("/fields/dueDate").asText()).isEqualTo("2030-01-31");
        assertThat(beforeTitle.at("/fields/title").asText()).isEqualTo("Write the report");
        sameFields(current, state(owner, task, "version=" + last));

        assertThat(api.as(owner, "DELETE", "/api/tasks/" + task, null).status()).isEqualTo(204);
        assertThat(status(owner, task, "version=1")).as("a deleted object: admins only").isEqualTo(404);
        JsonNode deleted = state("admin", task, at(Instant.now().plusSeconds(60)));
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("version").asLong()).isEqualTo(last + 1);
        assertThat(deleted.at("/fields/title").asText()).isEqualTo("Write the final report");
        assertThat(state("admin", task, "version=" + last).get("deleted").asBoolean()).isFalse();
    }

    @Test
    void aDealThroughItsStagesAndNowAsTheApiAnswersIt() {
        String manager = api.newUser("ttmgr", "manager");
        String other = api.newUser("ttother", "manager");
        long offer = reference("stages", "Offer");
        long won = reference("closing-reasons", "Won");
        Map<String, Object> fields = new HashMap<>();
        fields.put("name", "Big order");
        fields.put("amount", 1200.5);
        fields.put("currency", "EUR");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), fields).id();
        long request = state(manager, deal, "version=1").at("/fields/stage").asLong();
        afterLastEvent(manager, deal);
        assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("stage", offer, "probability", 40,
                "nextStep", "Call, then \"write\"")).status()).isEqualTo(200);
        afterLastEvent(manager, deal);
        Api.Response closing = api.as(manager, "POST", "/api/deals/" + deal + "/close", Map.of("closingReason", won));
        assertThat(closing.status()).as(closing.text()).isEqualTo(200);
        JsonNode current = api.as(manager, "GET", "/api/deals/" + deal, null).body();
        List<Instant> times = times(manager, deal);

        JsonNode made = state(manager, deal, at(times.get(0)));
        assertThat(made.at("/fields/name").asText()).isEqualTo("Big order");
        assertThat(made.at("/fields/amount").decimalValue()).isEqualByComparingTo("1200.5");
        assertThat(made.at("/fields/stage").asLong()).isEqualTo(request);
        assertThat(made.at("/fields/products").toString()).isEqualTo("[]");
        assertThat(made.at("/fields/closingReason").isNull()).isTrue();
        // just before the close: in the offer stage, open
        Instant lastOpen = times.get(times.size() - 1).minusNanos(1);
        JsonNode open = state(manager, deal, at(lastOpen));
        assertThat(open.at("/fields/closedAt").isNull()).isTrue();
        assertThat(open.at("/fields/probability").asInt()).isEqualTo(40);
        assertThat(open.at("/fields/nextStep").asText()).isEqualTo("Call, then \"write\"");
        JsonNode closed = state(manager, deal, "version=" + current.get("version").asLong());
        assertThat(closed.at("/fields/closingReason").asLong()).isEqualTo(won);
        sameFields(current, closed);

        assertThat(status(other, deal, "version=1")).as("another manager's deal").isEqualTo(404);
    }

    long reference(String path, String name) {
        for (JsonNode item : api.as("admin", "GET", "/api/admin/" + path, null).body().get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no " + path + " named " + name);
    }
}
