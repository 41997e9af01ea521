package dev.crm.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * User administration through the API on PostgreSQL: departments as objects with their own history,
 * users in departments, deactivation (no sign-in, not to be chosen, nothing lost) and users' history.
 */
@CrmIntegrationTest
class UserAdministrationApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuilder rebuilder;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private static String unique(String name) {
        return name + " " + Long.toString(System.nanoTime(), 36);
    }

    private long department(String name) {
        Api.Response r = api.as("admin", "POST", "/api/admin/departments", Map.of("name", name));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private static List<String> events(Api.Response history) {
        List<String> events = new ArrayList<>();
        history.body().get("entries").forEach(e -> events.add(e.get("event").asText()));
        return events;
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    @Test
    void weakPasswordsAreA400NamingThePasswordAndStoreNoUser() {
        String name = "weak" + Long.toString(System.nanoTime() % 10_000_000, 36) + "x";
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        for (String weak : List.of("        ", " ".repeat(14), "password", "password12", "Password2024!",
                "qwertyuiop", name, name + "2024", "short")) {
            Api.Response r = api.as("admin", "POST", "/api/users", Map.of("username", name, "password", weak,
                    "roles", List.of()));
            assertThat(r.status()).as("%s: %s", weak, r.text()).isEqualTo(400);
            assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("password");
        }
        // a wrong username and a weak password are told together
        Api.Response both = api.as("admin", "POST", "/api/users", Map.of("username", "Not Valid", "password",
                "password", "roles", List.of()));
        assertThat(both.body().get("errors").findValuesAsText("field")).containsExactly("username", "password");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_credential WHERE username = ?", Long.class, name))
                .isZero();

        // the README's examples are good passwords
        Api.Response alice = api.as("admin", "POST", "/api/users", Map.of("username", name, "password",
                "alice-pass-1", "roles", List.of("manager")));
        assertThat(alice.status()).as(alice.text()).isEqualTo(201);
    }

    @Test
    void aDepartmentIsAnObjectWithItsOwnIdAndHistory() {
        String name = unique("Sales");
        Api.Response created = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "  " + name + " "));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/admin/departments/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.body().get("name").asText()).isEqualTo(name);
        assertThat(created.body().get("kind").asText()).isEqualTo("department");

        Api.Response list = api.as("admin", "GET", "/api/admin/departments", null);
        assertThat(list.body().get("items").findValuesAsText("name")).contains(name);
        Api.Response object = api.as("admin", "GET", "/api/objects/" + id, null);
        assertThat(object.body().get("kind").asText()).isEqualTo("department");
        assertThat(api.as("admin", "GET", "/api/search?q=ID" + id, null).body().get("items").findValuesAsText("title"))
                .containsExactly(name);

        Api.Response renamed = api.as("admin", "PATCH", "/api/admin/departments/" + id, Map.of("name", name + " EU"),
                Map.of("If-Match", "\"1\""));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.as("admin", "GET", "/api/objects/" + id, null).body().get("title").asText()).isEqualTo(name + " EU");

        Api.Response stale = api.as("admin", "PATCH", "/api/admin/departments/" + id, Map.of("name", name + " DE"),
                Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).isEqualTo(412);

        Api.Response history = api.as("admin", "GET", "/api/objects/" + id + "/history", null);
        assertThat(events(history)).containsExactly("DepartmentCreated", "DepartmentRenamed");
        JsonNode rename = history.body().get("entries").get(1);
        assertThat(rename.get("user").asText()).isEqualTo("admin");
        assertThat(rename.get("sequence").asLong()).isEqualTo(2);
        assertThat(rename.get("changes").get(0).get("field").asText()).isEqualTo("name");
        assertThat(rename.get("changes").get(0).get("from").asText()).isEqualTo(name);
        assertThat(rename.get("changes").get(0).get("to").asText()).isEqualTo(name + " EU");
    }

    @Test
    void departmentNamesAreUniqueWhateverTheirCaseAndADuplicateIs409() {
        String name = unique("Support");
        long first = department(name);
        Api.Response again = api.as("admin", "POST", "/api/admin/departments", Map.of("name", name.toUpperCase()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.body().get("detail").asText()).contains("already a department");

        long other = department(unique("Other"));
        Api.Response rename = api.as("admin", "PATCH", "/api/admin/departments/" + other, Map.of("name", name));
        assertThat(rename.status()).isEqualTo(409);
        assertThat(api.as("admin", "GET", "/api/admin/departments/" + first, null).body().get("name").asText())
                .isEqualTo(name);
    }

    @Test
    void badDepartmentInputIs400AndStoresNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM department_view", Long.class);
        Api.Response blank = api.as("admin", "POST", "/api/admin/departments", Map.of("name", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("errors").findValuesAsText("field")).containsExactly("name");
        Api.Response unknown = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "X", "boss", "bob"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").findValuesAsText("field")).containsExactly("boss");
        assertThat(api.as("admin", "PATCH", "/api/admin/departments/999999999", Map.of("name", "Nope")).status())
                .isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM department_view", Long.class)).isEqualTo(before);
    }

    @Test
    void onlyAdminsManageDepartmentsAndOthersCannotLookThemUp() {
        long id = department(unique("Secret"));
        String chief = api.newUser("chief", "chief");
        assertThat(api.as(chief, "GET", "/api/admin/departments", null).status()).isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/admin/departments", Map.of("name", unique("Mine"))).status()).isEqualTo(403);
        assertThat(api.as(chief, "PATCH", "/api/admin/departments/" + id, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(api.as(chief, "GET", "/api/objects/" + id, null).status()).isEqualTo(404);
        assertThat(api.as(chief, "GET", "/api/objects/" + id + "/history", null).status()).isEqualTo(404);
    }

    @Test
    void usersBelongToDepartmentsShownInTheirJsonAndInMe() {
        long sales = department(unique("Sales"));
        long support = department(unique("Support"));
        String username = "dora" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Api.Response created = api.as("admin", "POST", "/api/users", Map.of("username", username, "password",
                Api.PASSWORD, "roles", List.of("operator"), "departments", List.of(support, sales)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(ids(created.body().get("departments"))).containsExactly(Math.min(sales, support), Math.max(sales, support));
        assertThat(created.body().get("active").asBoolean()).isTrue();

        Api.Response changed = api.as("admin", "PUT", "/api/users/" + username + "/departments",
                Map.of("departments", List.of(sales)));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(ids(changed.body().get("departments"))).containsExactly(sales);

        Api.Response me = api.as(username, "GET", "/api/me", null);
        assertThat(ids(me.body().get("departments"))).containsExactly(sales);

        JsonNode one = api.as("admin", "GET", "/api/users/" + username, null).body();
        assertThat(one.get("roles").toString()).isEqualTo("[\"operator\",\"co_worker\"]");
        assertThat(ids(one.get("departments"))).containsExactly(sales);

        JsonNode inSales = api.as("admin", "GET", "/api/users?department=" + sales, null).body();
        assertThat(inSales.get("items").findValuesAsText("username")).containsExactly(username);
        assertThat(api.as("admin", "GET", "/api/users?department=" + support, null).body().get("items")
                .findValuesAsText("username")).doesNotContain(username);

        Api.Response history = api.as("admin", "GET", "/api/users/" + username + "/history", null);
        assertThat(events(history)).containsExactly("UserCreated", "UserDepartmentsChanged", "UserDepartmentsChanged");
        JsonNode last = history.body().get("entries").get(2).get("changes").get(0);
        assertThat(last.get("field").asText()).isEqualTo("departments");
        assertThat(last.get("to").asText()).isEqualTo(String.valueOf(sales));
    }

    @Test
    void anUnknownDepartmentIs400AndACreateWithItStoresNoUser() {
        String username = "eve" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Api.Response r = api.as("admin", "POST", "/api/users", Map.of("username", username, "password", Api.PASSWORD,
                "roles", List.of(), "departments", List.of(999_999_999L)));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().get("errors").findValuesAsText("field")).containsExactly("departments");
        assertThat(api.as("admin", "GET", "/api/users/" + username, null).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_credential WHERE username = ?", Long.class, username))
                .isZero();

        String user = api.newUser("frank");
        Api.Response wrongType = api.as("admin", "PUT", "/api/users/" + user + "/departments",
                Map.of("departments", List.of("sales")));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(api.as("admin", "PUT", "/api/users/" + user + "/departments", Map.of()).status()).isEqualTo(400);
        assertThat(api.as("admin", "PUT", "/api/users/nobody-here/departments", Map.of("departments", List.of()))
                .status()).isEqualTo(404);
    }

    @Test
    void aDeactivatedUserCannotSignInNorBeChosenAndTheirObjectsStay() {
        String worker = api.newUser("worker", "manager");
        String boss = api.newUser("boss");
        long memo = api.as(worker, "POST", "/api/memos", Map.of("title", "Before I leave", "to", boss)).body()
                .get("id").asLong();

        Api.Response deactivated = api.as("admin", "POST", "/api/users/" + worker + "/deactivate", null);
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();

        assertThat(api.as(worker, "GET", "/api/me", null).status()).isEqualTo(401);
        Api.Response toWorker = api.as(boss, "POST", "/api/memos", Map.of("title", "For you", "to", worker));
        assertThat(toWorker.status()).isEqualTo(400);
        assertThat(toWorker.body().get("errors").findValuesAsText("field")).containsExactly("to");
        Api.Response task = api.as(boss, "POST", "/api/tasks", Map.of("title", "Do it", "responsible", List.of(worker)));
        assertThat(task.status()).isEqualTo(400);
        assertThat(task.body().get("errors").findValuesAsText("field")).containsExactly("responsible");

        // their memo and its history stay
        assertThat(api.as(boss, "GET", "/api/memos/" + memo, null).body().get("owner").asText()).isEqualTo(worker);
        assertThat(events(api.as(boss, "GET", "/api/objects/" + memo + "/history", null))).containsExactly("MemoCreated");
        assertThat(api.as("admin", "GET", "/api/users?active=false", null).body().get("items")
                .findValuesAsText("username")).contains(worker);

        // deactivating again stores nothing; reactivating lets them in again
        assertThat(api.as("admin", "POST", "/api/users/" + worker + "/deactivate", null).status()).isEqualTo(200);
        assertThat(api.as("admin", "POST", "/api/users/" + worker + "/activate", null).body().get("active").asBoolean())
                .isTrue();
        assertThat(api.as(worker, "GET", "/api/me", null).status()).isEqualTo(200);

        Api.Response history = api.as("admin", "GET", "/api/users/" + worker + "/history", null);
        assertThat(events(history)).containsExactly("UserCreated", "UserDeactivated", "UserReactivated");
        assertThat(history.body().get("entries").findValuesAsText("user")).containsExactly("admin", "admin", "admin");
        JsonNode off = history.body().get("entries").get(1).get("changes").get(0);
        assertThat(List.of(off.get("field").asText(), off.get("from").asText(), off.get("to").asText()))
                .containsExactly("active", "true", "false");
    }

    @Test
    void anAdminCannotDeactivateThemselfNorTakeTheirOwnAdminRole() {
        Api.Response self = api.as("admin", "POST", "/api/users/admin/deactivate", null);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.body().get("detail").asText()).contains("yourself");
        assertThat(api.as("admin", "PUT", "/api/users/admin/roles", Map.of("roles", List.of("chief"))).status())
                .isEqualTo(403);
        assertThat(api.as("admin", "GET", "/api/me", null).body().get("roles").toString()).contains("admin");

        // another admin can be deactivated by this one, and cannot come back in
        String second = api.newUser("second", "admin");
        assertThat(api.as("admin", "POST", "/api/users/" + second + "/deactivate", null).status()).isEqualTo(200);
        assertThat(api.as(second, "GET", "/api/me", null).status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsSeeAndChangeUsers() {
        String chief = api.newUser("chief", "chief");
        String other = api.newUser("other");
        assertThat(api.as(chief, "GET", "/api/users", null).status()).isEqualTo(403);
        assertThat(api.as(chief, "GET", "/api/users/" + other, null).status()).isEqualTo(403);
        assertThat(api.as(chief, "GET", "/api/users/" + other + "/history", null).status()).isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/users/" + other + "/deactivate", null).status()).isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/users/" + other + "/activate", null).status()).isEqualTo(403);
        assertThat(api.as(chief, "PUT", "/api/users/" + other + "/departments", Map.of("departments", List.of()))
                .status()).isEqualTo(403);
        assertThat(api.as(other, "GET", "/api/me", null).status()).isEqualTo(200);
        assertThat(api.as("admin", "GET", "/api/users/nobody-here", null).status()).isEqualTo(404);
        assertThat(api.as("admin", "GET", "/api/users/nobody-here/history", null).status()).isEqualTo(404);
    }

    @Test
    void replayingAndRebuildingGiveTheSameDepartmentsAndMemberships() {
        long a = department(unique("Replay A"));
        long b = department(unique("Replay B"));
        api.as("admin", "PATCH", "/api/admin/departments/" + b, Map.of("name", unique("Replay B2")));
        String user = api.newUser("member");
        api.as("admin", "PUT", "/api/users/" + user + "/departments", Map.of("departments", List.of(a, b)));
        api.as("admin", "PUT", "/api/users/" + user + "/departments", Map.of("departments", List.of(b)));
        api.as("admin", "POST", "/api/users/" + user + "/deactivate", null);

        Map<String, Set<Map<String, Object>>> before = tables();
        assertThat(before.get("user_department")).contains(Map.of("username", user, "department_id", b));
        rebuilder.replay();
        assertThat(tables()).isEqualTo(before);
        rebuilder.rebuild();
        assertThat(tables()).isEqualTo(before);
    }

    private Map<String, Set<Map<String, Object>>> tables() {
        Map<String, Set<Map<String, Object>>> tables = new TreeMap<>();
        for (String table : List.of("department_view", "user_department", "crm_user", "crm_object")) {
            tables.put(table, new HashSet<>(jdbc.queryForList("SELECT * FROM " + table)));
        }
        return tables;
    }
}
