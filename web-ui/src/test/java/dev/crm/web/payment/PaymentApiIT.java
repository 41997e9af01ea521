package dev.crm.web.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Payments through the API: typed JSON, the amount above 0, held by their deal (owner, transfer, delete). */
@CrmIntegrationTest
class PaymentApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    static long id(Api.Response r) {
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    static List<String> fields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aPaymentHasItsDealsOwnerFollowsItsTransfersAndGoesWithIt() {
        Api api = new Api(port);
        String manager = api.newUser("pymgr", "manager");
        String other = api.newUser("pyother", "manager");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Paid order")).id();

        Api.Response bad = api.as(manager, "POST", "/api/payments", Map.of("deal", deal, "amount", 0, "currency", "XXX",
                "status", "maybe"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("amount", "currency", "status");
        assertThat(api.as(manager, "POST", "/api/payments", Map.of("amount", 5, "currency", "EUR")).status())
                .isEqualTo(400);

        Api.Response created = api.as(manager, "POST", "/api/payments", Map.of("deal", deal, "amount", 99.5,
                "currency", "EUR", "date", "2026-12-01", "invoiceNumber", "INV-7"));
        long payment = id(created);
        JsonNode body = created.body();
        assertThat(body.get("amount").isNumber()).isTrue();
        assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("99.5");
        assertThat(body.get("status").asText()).as("received unless given").isEqualTo("received");
        assertThat(body.get("owner").asText()).isEqualTo(manager);
        assertThat(body.get("deal").asLong()).isEqualTo(deal);
        assertThat(api.as(manager, "PATCH", "/api/payments/" + payment, Map.of("deal", deal + 1)).status())
                .isEqualTo(400);
        assertThat(api.as(manager, "PATCH", "/api/payments/" + payment, Map.of("amount", -1)).status()).isEqualTo(400);
        assertThat(api.as(manager, "PUT", "/api/payments/" + payment + "/owner", Map.of("owner", other)).status())
                .isEqualTo(403);
        assertThat(api.as(manager, "GET", "/api/payments?q=INV-7&deal=" + deal, null).body().get("total").asLong())
                .isEqualTo(1);

        // the deal's transfer carries over, caused by the deal
        assertThat(api.as(manager, "PUT", "/api/deals/" + deal + "/owner", Map.of("owner", other)).status())
                .isEqualTo(200);
        assertThat(api.as(other, "GET", "/api/payments/" + payment, null).body().get("owner").asText())
                .isEqualTo(other);
        JsonNode history = api.as(other, "GET", "/api/objects/" + payment + "/history", null).body().get("entries");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("PaymentOwnerChanged");
        assertThat(last.get("causedBy").asLong()).isEqualTo(deal);
        assertThat(api.as(manager, "GET", "/api/payments/" + payment, null).status()).isEqualTo(404);

        // deleting the deal takes it; restoring the deal brings it back
        JsonNode preview = api.as(other, "GET", "/api/deals/" + deal + "/deletion-preview", null).body();
        assertThat(preview.get("objects").size()).isEqualTo(2);
        assertThat(api.as(other, "DELETE", "/api/deals/" + deal + "?objects=2", null).status()).isEqualTo(204);
        assertThat(api.as(other, "GET", "/api/payments/" + payment, null).status()).isEqualTo(404);
        assertThat(api.as("admin", "POST", "/api/objects/" + deal + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(other, "GET", "/api/payments/" + payment, null).status()).isEqualTo(200);
    }
}
