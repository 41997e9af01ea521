package dev.crm.web.deal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request's products and a deal's product lines through the API (fields of several objects): the request's
 * products become the deal's lines of one; a PATCH replaces the whole list; a product the caller may not see is
 * refused exactly as a missing one; deal_product and request_product follow, and a deal's delete keeps its lines.
 */
@CrmIntegrationTest
class ProductLinesApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static long id(Api.Response r) {
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    static long department(Api api, String... members) {
        long dept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Lines " + System.nanoTime())));
        for (String u : members) {
            assertThat(api.as("admin", "PUT", "/api/users/" + u + "/departments",
                    Map.of("departments", List.of(dept))).status()).isEqualTo(200);
        }
        return dept;
    }

    static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    static List<String> lines(JsonNode array) {
        List<String> lines = new ArrayList<>();
        array.forEach(n -> lines.add(n.get("product").asLong() + "x" + n.get("quantity").asInt()));
        return lines;
    }

    /** A 400 problem with one error, on products: its message, the ID in it written as "#". */
    static String productsError(Api.Response r, long id) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode errors = r.body().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("products");
        return errors.get(0).get("message").asText().replace(Long.toString(id), "#");
    }

    List<Long> rows(String sql, long id) {
        return jdbc.queryForList(sql, Long.class, id);
    }

    @Test
    void aRequestsProductsBecomeItsDealsLinesWhichAPatchReplaces() {
        Api api = new Api(port);
        String manager = api.newUser("plm", "manager");
        String other = api.newUser("plo", "manager");
        department(api, manager);
        department(api, other);
        long first = id(api.as(manager, "POST", "/api/products", Map.of("name", "Bolt", "price", 2.5, "currency",
                "EUR")));
        long second = id(api.as(manager, "POST", "/api/products", Map.of("name", "Nut")));
        long hidden = id(api.as(other, "POST", "/api/products", Map.of("name", "Secret")));
        long missing = hidden + 1_000_000;

        // the request: distinct IDs, ascending
        Api.Response created = api.as(manager, "POST", "/api/requests", Map.of("subject", "Bolts and nuts",
                "products", List.of(second, first, second)));
        long request = id(created);
        assertThat(ids(created.body().get("products"))).containsExactly(Math.min(first, second),
                Math.max(first, second));
        assertThat(rows("SELECT product_id FROM request_product WHERE request_id = ? ORDER BY product_id", request))
                .containsExactly(Math.min(first, second), Math.max(first, second));
        // a product the caller may not see is refused exactly as one that does not exist
        String invisible = productsError(api.as(manager, "POST", "/api/requests", Map.of("subject", "x",
                "products", List.of(first, hidden))), hidden);
        assertThat(invisible).isEqualTo(productsError(api.as(manager, "POST", "/api/requests", Map.of("subject", "x",
                "products", List.of(first, missing))), missing)).contains("#");
        assertThat(productsError(api.as(manager, "POST", "/api/requests", Map.of("subject", "x",
                "products", "12")), 0)).isNotBlank();
        // the list answers them too
        JsonNode listed = api.as(manager, "GET", "/api/requests?q=Bolts", null).body().get("items");
        assertThat(listed).anySatisfy(r -> assertThat(ids(r.get("products"))).hasSize(2));

        // the deal gets them as lines of one
        Api.Response made = api.as(manager, "POST", "/api/requests/" + request + "/deal", null);
        long deal = id(made);
        assertThat(lines(made.body().get("products"))).containsExactlyInAnyOrder(first + "x1", second + "x1");
        assertThat(rows("SELECT product_id FROM deal_product WHERE deal_id = ? AND quantity = 1 ORDER BY product_id",
                deal)).containsExactly(Math.min(first, second), Math.max(first, second));

        // a PATCH replaces the whole list
        Api.Response patched = api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("products",
                List.of(Map.of("product", second, "quantity", 3))));
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(lines(patched.body().get("products"))).containsExactly(second + "x3");
        assertThat(jdbc.queryForObject("SELECT quantity FROM deal_product WHERE deal_id = ? AND product_id = ?",
                Integer.class, deal, second)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deal_product WHERE deal_id = ?", Long.class, deal))
                .isEqualTo(1);
        assertThat(lines(api.as(manager, "GET", "/api/deals/" + deal, null).body().get("products")))
                .containsExactly(second + "x3");

        // bad lines: nothing changes
        for (Object bad : List.of(List.of(Map.of("product", second, "quantity", 0)),
                List.of(Map.of("product", second, "quantity", 1), Map.of("product", second, "quantity", 2)),
                List.of(Map.of("product", second, "quantity", 1.5)), List.of(Map.of("quantity", 1)),
                List.of(Map.of("product", second, "quantity", 1, "price", 3)), List.of(second))) {
            productsError(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("products", bad)), second);
        }
        String dealInvisible = productsError(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("products",
                List.of(Map.of("product", hidden, "quantity", 1)))), hidden);
        assertThat(dealInvisible).isEqualTo(productsError(api.as(manager, "PATCH", "/api/deals/" + deal,
                Map.of("products", List.of(Map.of("product", missing, "quantity", 1)))), missing));
        assertThat(api.as(manager, "GET", "/api/deals/" + deal, null).body().get("version").asLong())
                .isEqualTo(patched.body().get("version").asLong());

        // null clears the list
        Api.Response cleared = api.as(manager, "PATCH", "/api/deals/" + deal, java.util.Collections.singletonMap(
                "products", null));
        assertThat(cleared.status()).as(cleared.text()).isEqualTo(200);
        assertThat(cleared.body().get("products")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deal_product WHERE deal_id = ?", Long.class, deal))
                .isZero();

        // deleted (with its request), its lines stay with its row, which queries leave out as deleted (a restore,
        // which FieldLinesProjectionIT covers, finds them again)
        assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("products",
                List.of(Map.of("product", first, "quantity", 2)))).status()).isEqualTo(200);
        assertThat(api.as("admin", "DELETE", "/api/requests/" + request, null).status()).isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/deals/" + deal, null).status()).isEqualTo(404);
        assertThat(rows("SELECT product_id FROM deal_product WHERE deal_id = ?", deal)).containsExactly(first);
    }
}
