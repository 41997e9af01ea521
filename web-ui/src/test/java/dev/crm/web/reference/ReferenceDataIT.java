package dev.crm.web.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Reference data kept by admins (issue 14): the first start's defaults, each kind's create, change, delete and
 * restore with history, the marks that move (default and success stage, state and marketing currency), the input
 * rules, who may change it, and If-Match. Tests make their own departments and codes: the store is shared.
 */
@CrmIntegrationTest
class ReferenceDataIT {

    private static final Random RANDOM = new Random();

    @LocalServerPort
    int port;

    @Test
    void aFreshStoreHasTheDefaultsMadeOnceBySystem() {
        Api api = new Api(port);
        String user = api.newUser("reader");
        JsonNode stages = ok(api.as(user, "GET", "/api/admin/stages", null), 200);
        assertThat(stages.get("totalExact").asBoolean()).isTrue();
        List<JsonNode> everyDepartment = items(stages).stream().filter(s -> s.get("department").isNull()).toList();
        assertThat(everyDepartment.stream().map(s -> s.get("name").asText()))
                .contains("Request", "Analysis of the request", "Offer", "Negotiation", "Contract", "Closed");
        JsonNode request = everyDepartment.stream().filter(s -> s.get("name").asText().equals("Request")).findFirst()
                .orElseThrow();
        assertThat(request.get("kind").asText()).isEqualTo("stage");
        assertThat(everyDepartment.stream().filter(s -> s.get("default").asBoolean())).hasSize(1);
        assertThat(everyDepartment.stream().filter(s -> s.get("success").asBoolean()).map(s -> s.get("name").asText()))
                .containsExactly("Closed");
        JsonNode reasons = ok(api.as(user, "GET", "/api/admin/closing-reasons", null), 200);
        assertThat(items(reasons).stream().map(r -> r.get("name").asText()))
                .contains("Won", "Lost to a competitor", "No budget", "No answer");
        assertThat(items(reasons).stream().filter(r -> r.get("name").asText().equals("Won")).findFirst().orElseThrow()
                .get("success").asBoolean()).isTrue();
        JsonNode sources = ok(api.as(user, "GET", "/api/admin/lead-sources", null), 200);
        assertThat(items(sources).stream().map(r -> r.get("name").asText()))
                .contains("Website", "E-mail", "Phone", "Referral", "Exhibition");
        JsonNode currencies = ok(api.as(user, "GET", "/api/admin/currencies", null), 200);
        assertThat(items(currencies).stream().map(r -> r.get("code").asText())).contains("EUR", "USD");
        assertThat(items(currencies).stream().filter(c -> c.get("state").asBoolean())).hasSize(1);
        assertThat(items(currencies).stream().filter(c -> c.get("marketing").asBoolean())).hasSize(1);
        long eur = items(currencies).stream().filter(c -> c.get("code").asText().equals("EUR")).findFirst().orElseThrow()
                .get("id").asLong();
        JsonNode history = ok(api.as("admin", "GET", "/api/objects/" + eur + "/history", null), 200).get("entries");
        assertThat(history.get(0).get("event").asText()).isEqualTo("CurrencyCreated");
        assertThat(history.get(0).get("user").asText()).isEqualTo("system");
        // the object lookup knows it, for every signed-in user
        assertThat(ok(api.as(user, "GET", "/api/objects/" + eur, null), 200).get("kind").asText()).isEqualTo("currency");
    }

    @Test
    void stagesAreCreatedChangedDeletedAndRestoredWithHistoryAndTheirMarksMove() {
        Api api = new Api(port);
        long department = department(api);
        JsonNode first = ok(api.as("admin", "POST", "/api/admin/stages",
                Map.of("name", "Lead in", "department", department, "index", 0)), 201);
        assertThat(first.get("default").asBoolean()).as("a department's first stage is its default").isTrue();
        long firstId = first.get("id").asLong();
        Api.Response second = api.as("admin", "POST", "/api/admin/stages",
                Map.of("name", "Won it", "department", department, "index", 1, "success", true));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Location")).isEqualTo("/api/admin/stages/" + second.body().get("id").asLong());
        assertThat(second.header("ETag")).isEqualTo("\"1\"");
        long secondId = second.body().get("id").asLong();
        assertThat(second.body().get("default").asBoolean()).isFalse();

        // making the second the default takes the mark from the first, which gets its own history entry by admin
        Api.Response moved = api.as("admin", "PATCH", "/api/admin/stages/" + secondId, Map.of("default", true),
                Map.of("If-Match", "\"1\""));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("default").asBoolean()).isTrue();
        assertThat(moved.header("ETag")).isEqualTo("\"2\"");
        JsonNode firstNow = ok(api.as("admin", "GET", "/api/admin/stages/" + firstId, null), 200);
        assertThat(firstNow.get("default").asBoolean()).isFalse();
        JsonNode firstHistory = history(api, firstId);
        JsonNode last = firstHistory.get(firstHistory.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("StageChanged");
        assertThat(last.get("user").asText()).isEqualTo("admin");
        assertThat(last.get("changes").get(0).get("field").asText()).isEqualTo("default");
        assertThat(last.get("changes").get(0).get("to").asText()).isEqualTo("false");

        // a department with stages of its own goes through those; one without through those of every department
        assertThat(items(ok(api.as("admin", "GET", "/api/admin/stages?department=" + department, null), 200)).stream()
                .map(s -> s.get("id").asLong())).containsExactly(firstId, secondId);
        long bare = department(api);
        assertThat(items(ok(api.as("admin", "GET", "/api/admin/stages?department=" + bare, null), 200)).stream()
                .map(s -> s.get("name").asText())).contains("Request", "Closed").doesNotContain("Lead in");

        // the default cannot be unset, only moved; a stale If-Match is 412
        refused(api.as("admin", "PATCH", "/api/admin/stages/" + secondId, Map.of("default", false)), 400, "default");
        assertThat(api.as("admin", "PATCH", "/api/admin/stages/" + secondId, Map.of("name", "Won"),
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);

        // a second success stage takes the mark too
        JsonNode third = ok(api.as("admin", "POST", "/api/admin/stages",
                Map.of("name", "Paid", "department", department, "index", 2, "success", true)), 201);
        assertThat(ok(api.as("admin", "GET", "/api/admin/stages/" + secondId, null), 200).get("success").asBoolean())
                .isFalse();

        // deleting the default passes the mark to the department's first stage; restoring brings it back unmarked
        assertThat(api.as("admin", "DELETE", "/api/admin/stages/" + secondId, null).status()).isEqualTo(204);
        assertThat(api.as("admin", "GET", "/api/admin/stages/" + secondId, null).status()).isEqualTo(404);
        assertThat(ok(api.as("admin", "GET", "/api/admin/stages/" + firstId, null), 200).get("default").asBoolean())
                .isTrue();
        ok(api.as("admin", "POST", "/api/objects/" + secondId + "/restore", null), 200);
        JsonNode restored = ok(api.as("admin", "GET", "/api/admin/stages/" + secondId, null), 200);
        assertThat(restored.get("default").asBoolean()).isFalse();
        assertThat(history(api, secondId).findValuesAsText("event"))
                .containsSubsequence("StageCreated", "StageChanged", "StageDeleted", "StageRestored");
        List<JsonNode> ofDepartment = items(ok(api.as("admin", "GET", "/api/admin/stages", null), 200)).stream()
                .filter(s -> s.get("department").asLong() == department).toList();
        assertThat(ofDepartment.stream().map(s -> s.get("name").asText())).containsExactly("Lead in", "Won it", "Paid");
        assertThat(ofDepartment.stream().filter(s -> s.get("default").asBoolean())).hasSize(1);
        assertThat(ofDepartment.stream().filter(s -> s.get("success").asBoolean()).map(s -> s.get("id").asLong()))
                .containsExactly(third.get("id").asLong());
    }

    @Test
    void closingReasonsAndLeadSourcesHaveTheirLifeWithHistory() {
        Api api = new Api(port);
        String name = "Too late " + System.nanoTime();
        JsonNode reason = ok(api.as("admin", "POST", "/api/admin/closing-reasons", Map.of("name", name, "index", 7)), 201);
        long id = reason.get("id").asLong();
        assertThat(reason.get("success").asBoolean()).isFalse();
        JsonNode changed = ok(api.as("admin", "PATCH", "/api/admin/closing-reasons/" + id,
                Map.of("success", true, "name", name + "!"), Map.of("If-Match", "\"1\"")), 200);
        assertThat(changed.get("success").asBoolean()).isTrue();
        assertThat(changed.get("name").asText()).isEqualTo(name + "!");
        assertThat(api.as("admin", "DELETE", "/api/admin/closing-reasons/" + id, null).status()).isEqualTo(204);
        ok(api.as("admin", "POST", "/api/objects/" + id + "/restore", null), 200);
        assertThat(history(api, id).findValuesAsText("event")).containsExactly("ClosingReasonCreated",
                "ClosingReasonChanged", "ClosingReasonDeleted", "ClosingReasonRestored");

        long department = department(api);
        JsonNode source = ok(api.as("admin", "POST", "/api/admin/lead-sources",
                Map.of("name", "Fair " + System.nanoTime(), "department", department)), 201);
        long sourceId = source.get("id").asLong();
        assertThat(source.get("department").asLong()).isEqualTo(department);
        Map<String, Object> noDepartment = new HashMap<>();
        noDepartment.put("department", null);
        JsonNode everywhere = ok(api.as("admin", "PATCH", "/api/admin/lead-sources/" + sourceId, noDepartment), 200);
        assertThat(everywhere.get("department").isNull()).isTrue();
        assertThat(api.as("admin", "DELETE", "/api/admin/lead-sources/" + sourceId, null).status()).isEqualTo(204);
        ok(api.as("admin", "POST", "/api/objects/" + sourceId + "/restore", null), 200);
        assertThat(history(api, sourceId).findValuesAsText("event")).containsExactly("LeadSourceCreated",
                "LeadSourceChanged", "LeadSourceDeleted", "LeadSourceRestored");
        // a stage's ID is not a lead source
        long stage = items(ok(api.as("admin", "GET", "/api/admin/stages", null), 200)).get(0).get("id").asLong();
        assertThat(api.as("admin", "GET", "/api/admin/lead-sources/" + stage, null).status()).isEqualTo(404);
        assertThat(api.as("admin", "PATCH", "/api/admin/lead-sources/" + stage, Map.of("name", "x")).status())
                .isEqualTo(404);
    }

    @Test
    void currenciesKeepExactRatesAndOneStateAndOneMarketingCurrency() {
        Api api = new Api(port);
        JsonNode created = null;
        String code = null;
        for (int attempt = 0; created == null && attempt < 20; attempt++) {
            code = "Q" + (char) ('A' + RANDOM.nextInt(26)) + (char) ('A' + RANDOM.nextInt(26));
            Api.Response made = api.as("admin", "POST", "/api/admin/currencies",
                    Map.of("code", code, "rateToState", new java.math.BigDecimal("1.0850"), "rateToMarketing", 0.5));
            if (made.status() == 201) {
                created = made.body();
            } else {
                assertThat(made.status()).as(made.text()).isEqualTo(409);
            }
        }
        assertThat(created).isNotNull();
        long id = created.get("id").asLong();
        assertThat(created.get("rateToState").decimalValue()).isEqualByComparingTo("1.085");
        assertThat(created.get("state").asBoolean()).isFalse();
        // the same code again is refused
        assertThat(api.as("admin", "POST", "/api/admin/currencies", Map.of("code", code)).status()).isEqualTo(409);

        long previousState = items(ok(api.as("admin", "GET", "/api/admin/currencies", null), 200)).stream()
                .filter(c -> c.get("state").asBoolean()).findFirst().orElseThrow().get("id").asLong();
        JsonNode marked = ok(api.as("admin", "PATCH", "/api/admin/currencies/" + id, Map.of("state", true)), 200);
        assertThat(marked.get("state").asBoolean()).isTrue();
        List<JsonNode> all = items(ok(api.as("admin", "GET", "/api/admin/currencies", null), 200));
        assertThat(all.stream().filter(c -> c.get("state").asBoolean()).map(c -> c.get("id").asLong())).containsExactly(id);
        assertThat(all.stream().filter(c -> c.get("marketing").asBoolean())).hasSize(1);
        JsonNode previousHistory = history(api, previousState);
        JsonNode last = previousHistory.get(previousHistory.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("CurrencyChanged");
        assertThat(last.get("user").asText()).isEqualTo("admin");
        assertThat(last.get("changes").toString()).contains("\"field\":\"state\"", "\"to\":\"false\"");

        // deleting the state currency passes the mark on: there is always one
        assertThat(api.as("admin", "DELETE", "/api/admin/currencies/" + id, null).status()).isEqualTo(204);
        all = items(ok(api.as("admin", "GET", "/api/admin/currencies", null), 200));
        assertThat(all.stream().filter(c -> c.get("state").asBoolean())).hasSize(1);
        ok(api.as("admin", "POST", "/api/objects/" + id + "/restore", null), 200);
        JsonNode back = ok(api.as("admin", "GET", "/api/admin/currencies/" + id, null), 200);
        assertThat(back.get("state").asBoolean()).isFalse();
        assertThat(history(api, id).findValuesAsText("event")).containsSubsequence("CurrencyCreated", "CurrencyChanged",
                "CurrencyDeleted", "CurrencyRestored");
        assertThat(api.as("admin", "DELETE", "/api/admin/currencies/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api api = new Api(port);
        refused(api.as("admin", "POST", "/api/admin/currencies", Map.of("code", "eur")), 400, "code");
        refused(api.as("admin", "POST", "/api/admin/currencies", Map.of("code", "EURO")), 400, "code");
        refused(api.as("admin", "POST", "/api/admin/currencies", Map.of("code", "QZZ", "rateToState", -1)), 400,
                "rateToState");
        refused(api.as("admin", "POST", "/api/admin/currencies", Map.of("code", "QZZ", "rateToMarketing", 0)), 400,
                "rateToMarketing");
        refused(api.as("admin", "POST", "/api/admin/currencies", Map.of("code", "QZZ", "rateToState", "1")), 400,
                "rateToState");
        refused(api.as("admin", "POST", "/api/admin/stages", Map.of("name", "Lost", "department", 999_999_999L)), 400,
                "department");
        refused(api.as("admin", "POST", "/api/admin/stages", Map.of("name", "Lost")), 400, "department");
        refused(api.as("admin", "POST", "/api/admin/lead-sources", Map.of("name", "x", "department", 999_999_999L)),
                400, "department");
        refused(api.as("admin", "POST", "/api/admin/closing-reasons", Map.of("index", 1)), 400, "name");
        refused(api.as("admin", "POST", "/api/admin/closing-reasons", Map.of("name", "x", "index", -1)), 400, "index");
        refused(api.as("admin", "POST", "/api/admin/closing-reasons", Map.of("name", "x", "colour", "red")), 400,
                "colour");
        refused(api.as("admin", "POST", "/api/admin/closing-reasons", Map.of("name", "x", "version", 3)), 400,
                "version");
    }

    @Test
    void onlyAdminsChangeReferenceDataButEveryoneReadsIt() {
        Api api = new Api(port);
        String manager = api.newUser("manager", "manager");
        JsonNode reasons = ok(api.as(manager, "GET", "/api/admin/closing-reasons", null), 200);
        long id = items(reasons).get(0).get("id").asLong();
        assertThat(api.as(manager, "GET", "/api/admin/closing-reasons/" + id, null).status()).isEqualTo(200);
        assertThat(api.as(manager, "POST", "/api/admin/closing-reasons", Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(api.as(manager, "PATCH", "/api/admin/closing-reasons/" + id, Map.of("name", "Mine")).status())
                .isEqualTo(403);
        assertThat(api.as(manager, "DELETE", "/api/admin/closing-reasons/" + id, null).status()).isEqualTo(403);
        assertThat(api.as(manager, "POST", "/api/admin/currencies", Map.of("code", "QQQ")).status()).isEqualTo(403);
        assertThat(api.as(manager, "POST", "/api/admin/stages", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(api.as(manager, "POST", "/api/admin/lead-sources", Map.of("name", "x")).status()).isEqualTo(403);
    }

    private static long department(Api api) {
        return ok(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Ref " + System.nanoTime())), 201)
                .get("id").asLong();
    }

    private static JsonNode history(Api api, long id) {
        return ok(api.as("admin", "GET", "/api/objects/" + id + "/history", null), 200).get("entries");
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new java.util.ArrayList<>();
        list.get("items").forEach(items::add);
        return items;
    }

    private static JsonNode ok(Api.Response response, int status) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        return response.body();
    }

    private static void refused(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.body().get("errors").findValuesAsText("field")).as(response.text()).contains(field);
    }
}
