package dev.crm.web.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deals through the API (made through the service, as a request's "create deal" makes them): stages and their
 * timeline, closing won and lost (payments not received removed, each caused by the deal), the co-owner, the matrix,
 * and a company's delete and restore with its deals and their payments.
 */
@CrmIntegrationTest
class DealApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    private Api api() {
        return new Api(port);
    }

    static long id(Api.Response r) {
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    /** The ID of the reference object of that path with that name (the fresh store's defaults). */
    static long reference(Api api, String path, String name) {
        for (JsonNode item : api.as("admin", "GET", "/api/admin/" + path, null).body().get("items")) {
            if (item.get("name").asText().equals(name)) {
                return item.get("id").asLong();
            }
        }
        throw new AssertionError("no " + path + " named " + name);
    }

    static List<String> events(Api api, String user, long id) {
        List<String> events = new ArrayList<>();
        api.as(user, "GET", "/api/objects/" + id + "/history", null).body().get("entries")
                .forEach(e -> events.add(e.get("event").asText()));
        return events;
    }

    long deal(String owner, Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return deals.create(Actor.of(owner, Role.MANAGER), fields).id();
    }

    long payment(Api api, String user, long deal, String status) {
        return id(api.as(user, "POST", "/api/payments", Map.of("deal", deal, "amount", 100.5, "currency", "EUR",
                "status", status)));
    }

    @Test
    void aDealMovesThroughStagesInItsTimelineAndClosesAsWon() {
        Api api = api();
        String manager = api.newUser("dlmgr", "manager");
        long request = reference(api, "stages", "Request");
        long offer = reference(api, "stages", "Offer");
        long contract = reference(api, "stages", "Contract");
        long closed = reference(api, "stages", "Closed");
        long won = reference(api, "closing-reasons", "Won");
        long deal = deal(manager, "name", "Big order", "amount", 1200.5, "currency", "EUR");
        JsonNode made = api.as(manager, "GET", "/api/deals/" + deal, null).body();
        assertThat(made.get("stage").asLong()).as("the default stage").isEqualTo(request);
        assertThat(made.get("amount").decimalValue()).isEqualByComparingTo("1200.5");

        assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("stage", offer)).status()).isEqualTo(200);
        Api.Response moved = api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("stage", contract,
                "probability", 80), Map.of("If-Match", "\"2\""));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("probability").asInt()).isEqualTo(80);
        // closing's fields are closing's
        assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("closingReason", won)).status())
                .isEqualTo(400);

        Api.Response closing = api.as(manager, "POST", "/api/deals/" + deal + "/close", Map.of("closingReason", won));
        assertThat(closing.status()).as(closing.text()).isEqualTo(200);
        assertThat(closing.body().get("stage").asLong()).as("the success stage").isEqualTo(closed);
        assertThat(closing.body().get("closingReason").asLong()).isEqualTo(won);
        assertThat(closing.body().get("closedAt").asText()).isNotEmpty();
        assertThat(closing.header("ETag")).isEqualTo("\"" + closing.body().get("version").asLong() + "\"");
        assertThat(api.as(manager, "POST", "/api/deals/" + deal + "/close", Map.of("closingReason", won)).status())
                .isEqualTo(409);
        assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("stage", offer)).status()).isEqualTo(409);

        List<Long> stages = new ArrayList<>();
        JsonNode timeline = api.as(manager, "GET", "/api/deals/" + deal + "/stages", null).body().get("items");
        timeline.forEach(s -> stages.add(s.get("stage").asLong()));
        assertThat(stages).containsExactly(request, offer, contract, closed);
        timeline.forEach(s -> assertThat(s.get("by").asText()).isEqualTo(manager));
        assertThat(timeline.get(1).get("name").asText()).isEqualTo("Offer");
        assertThat(events(api, manager, deal)).containsExactly("DealCreated", "DealStageChanged", "DealChanged",
                "DealStageChanged", "DealStageChanged", "DealClosed");
        // no plain create: deals come from requests
        Api.Response post = api.as(manager, "POST", "/api/deals", Map.of("name", "Plain"));
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aLostDealLosesOnlyItsPaymentsNotReceivedEachCausedByTheDeal() {
        Api api = api();
        String manager = api.newUser("dllost", "manager");
        long lost = reference(api, "closing-reasons", "No budget");
        long deal = deal(manager, "name", "Lost order");
        long received = payment(api, manager, deal, "received");
        long guaranteed = payment(api, manager, deal, "guaranteed");
        long low = payment(api, manager, deal, "low_probability");

        Api.Response closing = api.as(manager, "POST", "/api/deals/" + deal + "/close", Map.of("closingReason", lost));
        assertThat(closing.status()).as(closing.text()).isEqualTo(200);
        assertThat(closing.body().get("stage").asLong()).isEqualTo(reference(api, "stages", "Request"));
        assertThat(api.as(manager, "GET", "/api/payments/" + received, null).status()).isEqualTo(200);
        for (long gone : List.of(guaranteed, low)) {
            assertThat(api.as(manager, "GET", "/api/payments/" + gone, null).status()).isEqualTo(404);
            JsonNode history = api.as("admin", "GET", "/api/objects/" + gone + "/history", null).body().get("entries");
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.get("event").asText()).isEqualTo("PaymentDeleted");
            assertThat(last.get("causedBy").asLong()).isEqualTo(deal);
            assertThat(last.get("user").asText()).isEqualTo(manager);
        }
        assertThat(events(api, manager, received)).containsExactly("PaymentCreated");
    }

    @Test
    void theCoOwnerSeesAndChangesItOthersDoNotLearnItExists() {
        Api api = api();
        String owner = api.newUser("dlown", "manager");
        String coOwner = api.newUser("dlco", "manager");
        String stranger = api.newUser("dlother", "manager");
        String accountant = api.newUser("dlacc", "accountant");
        long dept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Deals " + System.nanoTime())));
        assertThat(api.as("admin", "PUT", "/api/users/" + owner + "/departments", Map.of("departments", List.of(dept)))
                .status()).isEqualTo(200);
        long deal = deal(owner, "name", "Shared order");
        assertThat(api.as(coOwner, "GET", "/api/deals/" + deal, null).status()).isEqualTo(404);
        assertThat(api.as(owner, "PATCH", "/api/deals/" + deal, Map.of("coOwner", coOwner)).status()).isEqualTo(200);

        assertThat(api.as(coOwner, "GET", "/api/deals/" + deal, null).status()).isEqualTo(200);
        assertThat(api.as(coOwner, "GET", "/api/deals?size=100", null).body().get("items").toString())
                .contains("\"id\":" + deal);
        assertThat(api.as(coOwner, "PATCH", "/api/deals/" + deal, Map.of("nextStep", "Call")).status()).isEqualTo(200);
        long payment = payment(api, coOwner, deal, "guaranteed");
        assertThat(api.as(coOwner, "GET", "/api/payments?deal=" + deal, null).body().get("total").asLong())
                .isEqualTo(1);

        assertThat(api.as(stranger, "GET", "/api/deals/" + deal, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "PATCH", "/api/deals/" + deal, Map.of("nextStep", "x")).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/payments/" + payment, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/deals?size=100", null).body().get("items").toString())
                .doesNotContain("\"id\":" + deal + ",");
        assertThat(api.as(stranger, "POST", "/api/payments", Map.of("deal", deal, "amount", 1, "currency", "EUR"))
                .status()).isEqualTo(400);

        assertThat(api.as(accountant, "PATCH", "/api/payments/" + payment, Map.of("status", "received")).status())
                .isEqualTo(200);
        assertThat(api.as(accountant, "GET", "/api/deals/" + deal, null).status()).isEqualTo(404);
        assertThat(api.as(accountant, "PATCH", "/api/deals/" + deal, Map.of("nextStep", "x")).status()).isEqualTo(404);
        assertThat(api.as(accountant, "POST", "/api/payments", Map.of("deal", deal, "amount", 1, "currency", "EUR"))
                .status()).isEqualTo(403);
    }

    @Test
    void deletingItsCompanyTakesTheDealAndItsPaymentsAndRestoreBringsThemBack() {
        Api api = api();
        String manager = api.newUser("dlcmp", "manager");
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Deal Co " + System.nanoTime())));
        long deal = deal(manager, "name", "Company order", "company", company);
        long payment = payment(api, manager, deal, "received");
        assertThat(api.as(manager, "GET", "/api/deals?company=" + company, null).body().get("total").asLong())
                .isEqualTo(1);

        JsonNode preview = api.as(manager, "GET", "/api/companies/" + company + "/deletion-preview", null).body();
        List<Long> ids = new ArrayList<>();
        preview.get("objects").forEach(o -> ids.add(o.get("id").asLong()));
        assertThat(ids).containsExactly(company, deal, payment);
        assertThat(api.as(manager, "DELETE", "/api/companies/" + company + "?objects=3", null).status()).isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/deals/" + deal, null).status()).isEqualTo(404);
        assertThat(api.as(manager, "GET", "/api/payments/" + payment, null).status()).isEqualTo(404);

        assertThat(api.as("admin", "POST", "/api/objects/" + deal + "/restore", null).status()).isEqualTo(409);
        assertThat(api.as("admin", "POST", "/api/objects/" + company + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/deals/" + deal, null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/payments/" + payment, null).status()).isEqualTo(200);
        assertThat(events(api, manager, payment)).containsExactly("PaymentCreated", "PaymentDeleted",
                "PaymentRestored");
    }

    /**
     * A request and the deal made from it are parts of each other (deleting either takes the other): whichever was
     * deleted, restoring it brings both back, and the other alone is refused, naming the one to restore.
     */
    @Test
    void aRequestAndItsDealComeBackTogetherWhicheverWasDeleted() {
        Api api = api();
        String manager = api.newUser("dlreq", "manager");
        for (boolean requestFirst : new boolean[] {true, false}) {
            long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Both " + System.nanoTime(),
                    "lastName", "Roe")));
            long deal = id(api.as(manager, "POST", "/api/requests/" + request + "/deal", null));
            long deleted = requestFirst ? request : deal;
            long other = requestFirst ? deal : request;
            String path = requestFirst ? "/api/requests/" : "/api/deals/";
            assertThat(api.as("admin", "DELETE", path + deleted + "?objects=2", null).status()).isEqualTo(204);
            assertThat(api.as(manager, "GET", "/api/requests/" + request, null).status()).isEqualTo(404);
            assertThat(api.as(manager, "GET", "/api/deals/" + deal, null).status()).isEqualTo(404);

            Api.Response refused = api.as("admin", "POST", "/api/objects/" + other + "/restore", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().get("detail").asText()).contains(Long.toString(deleted));
            assertThat(api.as("admin", "POST", "/api/objects/" + deleted + "/restore", null).status())
                    .isEqualTo(200);
            assertThat(api.as(manager, "GET", "/api/requests/" + request, null).body().get("deal").asLong())
                    .isEqualTo(deal);
            assertThat(api.as(manager, "GET", "/api/deals/" + deal, null).body().get("request").asLong())
                    .isEqualTo(request);
            assertThat(events(api, manager, other)).endsWith(requestFirst ? "DealDeleted" : "RequestDeleted",
                    requestFirst ? "DealRestored" : "RequestRestored");
        }
    }
}
