package dev.crm.web.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Products through the API: typed JSON, validation, the department rows of the matrix, lists, delete and restore. */
@CrmIntegrationTest
class ProductApiIT {

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private static long id(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    /** The code of a live currency of the reference data (EUR in a fresh store). */
    private static String currency(Api api) {
        JsonNode items = api.as("admin", "GET", "/api/admin/currencies", null).body().get("items");
        assertThat(items.size()).isPositive();
        for (JsonNode c : items) {
            if (c.get("code").asText().equals("EUR")) {
                return "EUR";
            }
        }
        return items.get(0).get("code").asText();
    }

    private static List<String> errorFields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static List<String> events(Api api, String user, long id) {
        List<String> events = new ArrayList<>();
        api.as(user, "GET", "/api/objects/" + id + "/history", null).body().get("entries")
                .forEach(e -> events.add(e.get("event").asText()));
        return events;
    }

    private long department(Api api, String... members) {
        long dept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Products " + System.nanoTime())));
        for (String u : members) {
            assertThat(api.as("admin", "PUT", "/api/users/" + u + "/departments",
                    Map.of("departments", List.of(dept))).status()).isEqualTo(200);
        }
        return dept;
    }

    @Test
    void aProductIsCreatedWithTypedJsonAndChangedInItsHistory() {
        Api api = api();
        String eur = currency(api);
        String manager = api.newUser("prmgr", "manager");
        long dept = department(api, manager);
        String name = "Widget " + System.nanoTime();
        Api.Response created = api.as(manager, "POST", "/api/products", Map.of("name", name, "type", "service",
                "price", new BigDecimal("12.50"), "currency", eur, "category", "Tools"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long product = id(created);
        assertThat(created.header("Location")).isEqualTo("/api/products/" + product);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = created.body();
        assertThat(body.get("kind").asText()).isEqualTo("product");
        assertThat(body.get("owner").asText()).isEqualTo(manager);
        assertThat(body.get("department").asLong()).isEqualTo(dept);
        assertThat(body.get("type").asText()).isEqualTo("service");
        // a JSON number and a JSON boolean, not texts; onSale true unless given
        assertThat(body.get("price").isNumber()).isTrue();
        assertThat(body.get("price").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(body.get("onSale").isBoolean()).isTrue();
        assertThat(body.get("onSale").booleanValue()).isTrue();
        // read back from the table (NUMERIC(14,2)): the same number
        JsonNode read = api.as(manager, "GET", "/api/products/" + product, null).body();
        assertThat(read.get("price").isNumber()).isTrue();
        assertThat(read.get("price").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(read.get("onSale").booleanValue()).isTrue();
        assertThat(read.get("currency").asText()).isEqualTo(eur);

        Api.Response changed = api.as(manager, "PATCH", "/api/products/" + product,
                Map.of("price", 99.99, "onSale", false), Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("price").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(changed.body().get("onSale").isBoolean()).isTrue();
        assertThat(changed.body().get("onSale").booleanValue()).isFalse();
        assertThat(changed.body().get("version").asLong()).isEqualTo(2);
        assertThat(api.as(manager, "GET", "/api/products/" + product, null).body().get("onSale").booleanValue())
                .isFalse();
        // a goods product with a whole price; the default type
        JsonNode goods = api.as(manager, "POST", "/api/products", Map.of("name", name + " goods", "price", 100,
                "currency", eur)).body();
        assertThat(goods.get("type").asText()).isEqualTo("goods");
        assertThat(goods.get("price").decimalValue()).isEqualByComparingTo("100");
        assertThat(api.as(manager, "GET", "/api/products/" + goods.get("id").asLong(), null).body().get("price")
                .decimalValue()).isEqualByComparingTo("100");
        assertThat(events(api, manager, product)).containsExactly("ProductCreated", "ProductChanged");
    }

    @Test
    void badInputIsA400NamingEachField() {
        Api api = api();
        String eur = currency(api);
        String manager = api.newUser("prbad", "manager");
        Api.Response bad = api.as(manager, "POST", "/api/products", Map.of("name", "Bad", "price",
                new BigDecimal("1.234"), "currency", eur));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactly("price");
        bad = api.as(manager, "POST", "/api/products", Map.of("name", "Bad", "price", -1, "currency", eur));
        assertThat(errorFields(bad)).containsExactly("price");
        bad = api.as(manager, "POST", "/api/products", Map.of("name", "Bad", "price", 5, "currency", "ZZZ"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactly("currency");
        bad = api.as(manager, "POST", "/api/products", Map.of("name", "Bad", "price", 5));
        assertThat(errorFields(bad)).containsExactly("currency");
        bad = api.as(manager, "POST", "/api/products", Map.of("name", "Bad", "type", "thing"));
        assertThat(errorFields(bad)).containsExactly("type");
        // JSON types strictly: a price as a text, a flag as a text or a number
        bad = api.as(manager, "POST", "/api/products", Map.of("name", "Bad", "price", "12.5", "currency", eur,
                "onSale", "true"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactlyInAnyOrder("price", "onSale");
        bad = api.as(manager, "POST", "/api/products", Map.of("onSale", 1, "type", "goods"));
        assertThat(errorFields(bad)).contains("onSale");
        // every field's error at once, nothing stored
        String mark = "Nothing" + System.nanoTime();
        bad = api.as(manager, "POST", "/api/products", Map.of("category", mark, "type", "x", "price", 0.001));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(errorFields(bad)).containsExactly("name", "type", "price");
        assertThat(api.as(manager, "GET", "/api/products?q=" + mark, null).body().get("total").asLong()).isZero();
        Map<String, Object> noFlag = new HashMap<>();
        noFlag.put("name", "Bad");
        noFlag.put("onSale", null);
        assertThat(errorFields(api.as(manager, "POST", "/api/products", noFlag))).containsExactly("onSale");
        assertThat(api.as(manager, "POST", "/api/products", Map.of("name", "x", "owner", "admin")).status())
                .isEqualTo(400);
        assertThat(api.as(manager, "GET", "/api/products?type=thing", null).status()).isEqualTo(400);
    }

    @Test
    void theDepartmentDecidesWhoSeesAndChanges() {
        Api api = api();
        String eur = currency(api);
        String manager = api.newUser("prdm", "manager");
        String operator = api.newUser("prdo", "operator");
        String otherManager = api.newUser("prdx", "manager");
        String chief = api.newUser("prdc", "chief");
        String coWorker = api.newUser("prdw");
        department(api, manager, operator);
        department(api, otherManager);
        String mark = "Dept" + System.nanoTime();
        long product = id(api.as(manager, "POST", "/api/products", Map.of("name", mark, "price", 10,
                "currency", eur)));
        // the department's operator changes it; a manager of another department cannot learn it exists
        assertThat(api.as(operator, "PATCH", "/api/products/" + product, Map.of("category", "Ops")).status())
                .isEqualTo(200);
        assertThat(api.as(otherManager, "GET", "/api/products/" + product, null).status()).isEqualTo(404);
        assertThat(api.as(otherManager, "PATCH", "/api/products/" + product, Map.of("category", "x")).status())
                .isEqualTo(404);
        assertThat(api.as(otherManager, "GET", "/api/objects/" + product + "/history", null).status()).isEqualTo(404);
        assertThat(api.as(otherManager, "GET", "/api/products?q=" + mark, null).body().get("total").asLong()).isZero();
        assertThat(api.as(otherManager, "GET", "/api/search?q=" + mark, null).body().get("items").size()).isZero();
        // the chief sees it (in lists and search too) but may not change it or add one
        assertThat(api.as(chief, "GET", "/api/products/" + product, null).status()).isEqualTo(200);
        assertThat(api.as(chief, "GET", "/api/products?q=" + mark, null).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.as(chief, "GET", "/api/search?q=" + mark, null).body().get("items").get(0).get("kind")
                .asText()).isEqualTo("product");
        assertThat(api.as(chief, "PATCH", "/api/products/" + product, Map.of("category", "x")).status())
                .isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/products", Map.of("name", "Chief's")).status()).isEqualTo(403);
        // a co-worker: nothing
        assertThat(api.as(coWorker, "GET", "/api/products/" + product, null).status()).isEqualTo(404);
        assertThat(api.as(coWorker, "POST", "/api/products", Map.of("name", "x")).status()).isEqualTo(403);
    }

    @Test
    void listsFilterAndSortByPrice() {
        Api api = api();
        String eur = currency(api);
        String manager = api.newUser("prlist", "manager");
        String mark = "P" + System.nanoTime();
        long cheap = id(api.as(manager, "POST", "/api/products", Map.of("name", mark + " cheap", "price", 2.5,
                "currency", eur)));
        long dear = id(api.as(manager, "POST", "/api/products", Map.of("name", mark + " dear", "price", 1000,
                "currency", eur, "type", "service")));
        long middle = id(api.as(manager, "POST", "/api/products", Map.of("name", mark + " middle", "price", 30,
                "currency", eur, "onSale", false)));
        long none = id(api.as(manager, "POST", "/api/products", Map.of("name", mark + " unpriced")));
        assertThat(ids(api.as(manager, "GET", "/api/products?q=" + mark + "&sort=price", null)))
                .containsExactly(cheap, middle, dear, none);
        // without a price: last either way
        assertThat(ids(api.as(manager, "GET", "/api/products?q=" + mark + "&sort=-price", null)))
                .containsExactly(dear, middle, cheap, none);
        assertThat(ids(api.as(manager, "GET", "/api/products?q=" + mark + "&minPrice=2.5&maxPrice=30&sort=price",
                null))).containsExactly(cheap, middle);
        assertThat(ids(api.as(manager, "GET", "/api/products?q=" + mark + "&type=service", null)))
                .containsExactly(dear);
        assertThat(ids(api.as(manager, "GET", "/api/products?q=" + mark + "&onSale=false", null)))
                .containsExactly(middle);
        // newest change first by default
        assertThat(ids(api.as(manager, "GET", "/api/products?q=" + mark, null)).get(0)).isEqualTo(none);
    }

    private static List<Long> ids(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.body().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }

    @Test
    void aDeletedProductIsGoneUntilAnAdminRestoresIt() {
        Api api = api();
        String operator = api.newUser("prdel", "operator");
        long product = id(api.as(operator, "POST", "/api/products", Map.of("name", "Gone " + System.nanoTime())));
        JsonNode preview = api.as(operator, "GET", "/api/products/" + product + "/deletion-preview", null).body();
        assertThat(preview.get("objects").size()).isEqualTo(1);
        assertThat(api.as(operator, "DELETE", "/api/products/" + product + "?objects=1", null).status()).isEqualTo(204);
        assertThat(api.as(operator, "GET", "/api/products/" + product, null).status()).isEqualTo(404);
        assertThat(api.as(operator, "POST", "/api/objects/" + product + "/restore", null).status()).isIn(403, 404);
        assertThat(api.as("admin", "POST", "/api/objects/" + product + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(operator, "GET", "/api/products/" + product, null).status()).isEqualTo(200);
        assertThat(events(api, operator, product)).containsExactly("ProductCreated", "ProductDeleted",
                "ProductRestored");
    }
}
