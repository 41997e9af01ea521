package dev.crm.web.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Companies and their contacts through the API: history, transfer, permissions, cascade and restore, search. */
@CrmIntegrationTest
class CompanyApiIT {

    @LocalServerPort
    int port;

    private Api api() {
        return new Api(port);
    }

    private static long id(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    private static List<String> events(Api api, String user, long id) {
        List<String> events = new ArrayList<>();
        api.as(user, "GET", "/api/objects/" + id + "/history", null).body().get("entries")
                .forEach(e -> events.add(e.get("event").asText()));
        return events;
    }

    @Test
    void createChangeDeleteAndRestoreAreInTheHistory() {
        Api api = api();
        String manager = api.newUser("cmgr", "manager");
        Map<String, Object> body = new HashMap<>(Map.of("name", "Acme " + System.nanoTime(), "email", "info@acme.test",
                "phone", "+1 555 0100", "website", "https://acme.test", "tags", List.of("b2b", "eu")));
        Api.Response created = api.as(manager, "POST", "/api/companies", body);
        assertThat(created.status()).isEqualTo(201);
        long company = id(created);
        assertThat(created.header("Location")).isEqualTo("/api/companies/" + company);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.body().get("kind").asText()).isEqualTo("company");
        assertThat(created.body().get("owner").asText()).isEqualTo(manager);
        assertThat(created.body().get("tags").toString()).isEqualTo("[\"b2b\",\"eu\"]");

        Api.Response changed = api.as(manager, "PATCH", "/api/companies/" + company,
                Map.of("city", "Berlin", "phone", "+49 30 1234"), Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("city").asText()).isEqualTo("Berlin");
        assertThat(changed.body().get("version").asLong()).isEqualTo(2);
        // a stale version: 412, nothing stored
        assertThat(api.as(manager, "PATCH", "/api/companies/" + company, Map.of("city", "Paris"),
                Map.of("If-Match", "\"1\"")).status()).isEqualTo(412);
        // bad input: 400 naming the fields, nothing stored
        Api.Response bad = api.as(manager, "PATCH", "/api/companies/" + company,
                Map.of("email", "not-an-address", "website", "no spaces allowed", "name", " "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("email", "website", "name");
        assertThat(api.as(manager, "POST", "/api/companies", Map.of("city", "Nowhere")).status()).isEqualTo(400);
        assertThat(api.as(manager, "POST", "/api/companies", Map.of("name", "x", "owner", "admin")).status())
                .isEqualTo(400);

        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Ann",
                "lastName", "Lee", "email", "ann@acme.test")));
        // the contact follows its company: deleting the company takes it, restoring it brings it back
        JsonNode preview = api.as(manager, "GET", "/api/companies/" + company + "/deletion-preview", null).body();
        List<Long> ids = new ArrayList<>();
        preview.get("objects").forEach(o -> ids.add(o.get("id").asLong()));
        assertThat(ids).containsExactly(company, contact);
        assertThat(api.as(manager, "DELETE", "/api/companies/" + company + "?objects=2", null).status()).isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/companies/" + company, null).status()).isEqualTo(404);
        assertThat(api.as(manager, "GET", "/api/contacts/" + contact, null).status()).isEqualTo(404);
        assertThat(api.as("admin", "POST", "/api/objects/" + contact + "/restore", null).status()).isEqualTo(409);
        assertThat(api.as("admin", "POST", "/api/objects/" + company + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/contacts/" + contact, null).status()).isEqualTo(200);
        assertThat(events(api, manager, company)).containsExactly("CompanyCreated", "CompanyChanged",
                "CompanyDeleted", "CompanyRestored");
        assertThat(events(api, manager, contact)).containsExactly("ContactCreated", "ContactDeleted",
                "ContactRestored");
        JsonNode history = api.as(manager, "GET", "/api/objects/" + contact + "/history", null).body().get("entries");
        assertThat(history.get(1).get("deletedWith").asLong()).isEqualTo(company);
        assertThat(history.get(0).get("changes").toString()).contains("\"field\":\"company\"", "\"field\":\"owner\"");
    }

    @Test
    void aTransferCarriesOverToEachContactAsAChangeCausedByTheUserWhoMadeIt() {
        Api api = api();
        String manager = api.newUser("tmgr", "manager");
        String other = api.newUser("tother", "manager");
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Transfer " + System.nanoTime())));
        long ann = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Ann")));
        long bob = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName", "Bob")));
        // a contact's owner is its company's: it cannot be transferred on its own
        assertThat(api.as(manager, "PUT", "/api/contacts/" + ann + "/owner", Map.of("owner", other)).status())
                .isEqualTo(403);
        // someone else's company: a manager may see it but not transfer it
        assertThat(api.as(other, "PUT", "/api/companies/" + company + "/owner", Map.of("owner", other)).status())
                .isEqualTo(403);
        Api.Response moved = api.as(manager, "PUT", "/api/companies/" + company + "/owner", Map.of("owner", other));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.body().get("owner").asText()).isEqualTo(other);
        for (long contact : List.of(ann, bob)) {
            assertThat(api.as(other, "GET", "/api/contacts/" + contact, null).body().get("owner").asText())
                    .isEqualTo(other);
            JsonNode last = last(api.as(other, "GET", "/api/objects/" + contact + "/history", null).body());
            assertThat(last.get("event").asText()).isEqualTo("ContactOwnerChanged");
            assertThat(last.get("user").asText()).isEqualTo(manager);
            assertThat(last.get("causedBy").asLong()).isEqualTo(company);
            assertThat(last.get("changes").toString()).contains(manager, other);
        }
        // the new owner may now change the contacts, the previous one no longer
        assertThat(api.as(other, "PATCH", "/api/contacts/" + ann, Map.of("jobTitle", "CEO")).status()).isEqualTo(200);
        assertThat(api.as(manager, "PATCH", "/api/contacts/" + ann, Map.of("jobTitle", "CTO")).status()).isEqualTo(403);
        // the company's history has the transfer as its own
        assertThat(last(api.as(other, "GET", "/api/objects/" + company + "/history", null).body()).get("event")
                .asText()).isEqualTo("CompanyOwnerChanged");
    }

    private static JsonNode last(JsonNode history) {
        JsonNode entries = history.get("entries");
        return entries.get(entries.size() - 1);
    }

    @Test
    void theMatrixDecidesWhoSeesAndChangesCompaniesAndContacts() {
        Api api = api();
        long dept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "CRM " + System.nanoTime())));
        String manager = api.newUser("pmgr", "manager");
        String otherManager = api.newUser("pmgro", "manager");
        String operator = api.newUser("pop", "operator");
        String outsideOperator = api.newUser("popx", "operator");
        String chief = api.newUser("pchief", "chief");
        String coWorker = api.newUser("pco");
        String taskOperator = api.newUser("ptop", "task_operator");
        String accountant = api.newUser("pacc", "accountant");
        for (String u : List.of(manager, operator)) {
            assertThat(api.as("admin", "PUT", "/api/users/" + u + "/departments", Map.of("departments", List.of(dept)))
                    .status()).isEqualTo(200);
        }
        String mark = "Matrix" + System.nanoTime();
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", mark, "phone", "+1 555 777")));
        assertThat(api.as(manager, "GET", "/api/companies/" + company, null).body().get("department").asLong())
                .isEqualTo(dept);
        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName", mark)));
        assertThat(api.as(manager, "GET", "/api/contacts/" + contact, null).body().get("department").asLong())
                .isEqualTo(dept);
        // manager: own yes, another manager's: view only
        assertThat(api.as(otherManager, "GET", "/api/companies/" + company, null).status()).isEqualTo(200);
        assertThat(api.as(otherManager, "PATCH", "/api/companies/" + company, Map.of("city", "x")).status())
                .isEqualTo(403);
        assertThat(api.as(otherManager, "PATCH", "/api/contacts/" + contact, Map.of("city", "x")).status())
                .isEqualTo(403);
        assertThat(api.as(otherManager, "DELETE", "/api/contacts/" + contact, null).status()).isEqualTo(403);
        // operator: the department's yes, outside the department view only
        assertThat(api.as(operator, "PATCH", "/api/companies/" + company, Map.of("city", "Dept")).status())
                .isEqualTo(200);
        assertThat(api.as(operator, "PATCH", "/api/contacts/" + contact, Map.of("city", "Dept")).status())
                .isEqualTo(200);
        assertThat(api.as(outsideOperator, "PATCH", "/api/companies/" + company, Map.of("city", "x")).status())
                .isEqualTo(403);
        assertThat(api.as(outsideOperator, "GET", "/api/companies/" + company, null).status()).isEqualTo(200);
        // chief: view only, may not add
        assertThat(api.as(chief, "GET", "/api/contacts/" + contact, null).status()).isEqualTo(200);
        assertThat(api.as(chief, "PATCH", "/api/companies/" + company, Map.of("city", "x")).status()).isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/companies", Map.of("name", "Chief's")).status()).isEqualTo(403);
        // who may not view: 404 everywhere, absent from lists, search, ID search and history
        for (String u : List.of(coWorker, taskOperator, accountant)) {
            for (long id : List.of(company, contact)) {
                String path = id == company ? "/api/companies/" : "/api/contacts/";
                assertThat(api.as(u, "GET", path + id, null).status()).as(u).isEqualTo(404);
                assertThat(api.as(u, "PATCH", path + id, Map.of("city", "x")).status()).as(u).isEqualTo(404);
                assertThat(api.as(u, "DELETE", path + id, null).status()).as(u).isEqualTo(404);
                assertThat(api.as(u, "GET", path + id + "/deletion-preview", null).status()).as(u).isEqualTo(404);
                assertThat(api.as(u, "GET", "/api/objects/" + id, null).status()).as(u).isEqualTo(404);
                assertThat(api.as(u, "GET", "/api/objects/" + id + "/history", null).status()).as(u).isEqualTo(404);
                assertThat(api.as(u, "GET", "/api/search?q=ID" + id, null).body().get("items").size()).isZero();
            }
            assertThat(api.as(u, "GET", "/api/search?q=" + mark, null).body().get("items").size()).isZero();
            assertThat(api.as(u, "GET", "/api/companies?q=" + mark, null).body().get("total").asLong()).isZero();
            assertThat(api.as(u, "GET", "/api/contacts?q=" + mark, null).body().get("total").asLong()).isZero();
            assertThat(api.as(u, "POST", "/api/companies", Map.of("name", "x")).status()).isEqualTo(403);
            // a company they may not see is no company for a new contact
            assertThat(api.as(u, "POST", "/api/contacts", Map.of("company", company, "lastName", "x")).status())
                    .isEqualTo(403);
            assertThat(api.upload(u, company, "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(400);
        }
        // a manager may add a contact only to a company they may see (all), but may not change another's company
        assertThat(api.as(otherManager, "POST", "/api/contacts", Map.of("company", 999_999_999L, "lastName", "x"))
                .status()).isEqualTo(400);
    }

    @Test
    void searchFindsCompaniesByEmailAndContactsByPhoneGroupedByKind() {
        Api api = api();
        String manager = api.newUser("smgr", "manager");
        String unique = Long.toString(System.nanoTime(), 36);
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Search Co",
                "email", "sales-" + unique + "@search.test")));
        String digits = String.valueOf(100_000_000L + Math.floorMod(System.nanoTime(), 800_000_000L));
        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Sam",
                "phone", "+44 " + digits, "email", "sam-" + unique + "@search.test")));
        JsonNode byEmail = api.as(manager, "GET", "/api/search?q=sales-" + unique, null).body().get("items");
        assertThat(byEmail.size()).isEqualTo(1);
        assertThat(byEmail.get(0).get("id").asLong()).isEqualTo(company);
        assertThat(byEmail.get(0).get("kind").asText()).isEqualTo("company");
        JsonNode byPhone = api.as(manager, "GET", "/api/search?q=" + digits, null).body().get("items");
        assertThat(byPhone.size()).isEqualTo(1);
        assertThat(byPhone.get(0).get("id").asLong()).isEqualTo(contact);
        assertThat(byPhone.get(0).get("kind").asText()).isEqualTo("contact");
        assertThat(byPhone.get(0).get("title").asText()).isEqualTo("Sam");
        // both kinds, companies first (the kind model's order)
        JsonNode both = api.as(manager, "GET", "/api/search?q=" + unique, null).body().get("items");
        assertThat(both.size()).isEqualTo(2);
        assertThat(both.get(0).get("kind").asText()).isEqualTo("company");
        assertThat(both.get(1).get("kind").asText()).isEqualTo("contact");
        // ID search stays exact
        JsonNode byId = api.as(manager, "GET", "/api/search?q=ID" + contact, null).body().get("items");
        assertThat(byId.size()).isEqualTo(1);
        assertThat(byId.get(0).get("kind").asText()).isEqualTo("contact");
    }

    @Test
    void listsFilterByTextAndCompanyAndSort() {
        Api api = api();
        String manager = api.newUser("lmgr", "manager");
        String mark = "L" + System.nanoTime();
        long a = id(api.as(manager, "POST", "/api/companies", Map.of("name", mark + " Alpha", "phone", "+1 222 333")));
        long b = id(api.as(manager, "POST", "/api/companies", Map.of("name", mark + " Beta")));
        JsonNode byName = api.as(manager, "GET", "/api/companies?q=" + mark + "&sort=name", null).body();
        assertThat(byName.get("total").asLong()).isEqualTo(2);
        assertThat(byName.get("items").get(0).get("id").asLong()).isEqualTo(a);
        assertThat(api.as(manager, "GET", "/api/companies?q=" + mark + "&sort=-name", null).body().get("items").get(0)
                .get("id").asLong()).isEqualTo(b);
        long ann = id(api.as(manager, "POST", "/api/contacts", Map.of("company", a, "firstName", mark + "Ann")));
        long bea = id(api.as(manager, "POST", "/api/contacts", Map.of("company", b, "firstName", mark + "Bea")));
        JsonNode ofA = api.as(manager, "GET", "/api/contacts?company=" + a, null).body();
        assertThat(ofA.get("total").asLong()).isEqualTo(1);
        assertThat(ofA.get("items").get(0).get("id").asLong()).isEqualTo(ann);
        JsonNode all = api.as(manager, "GET", "/api/contacts?q=" + mark, null).body();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        // newest change first by default
        assertThat(all.get("items").get(0).get("id").asLong()).isEqualTo(bea);
        // a contact moves only to a company the user sees, and it keeps a name
        assertThat(api.as(manager, "PATCH", "/api/contacts/" + ann, Map.of("company", 999_999_999L)).status())
                .isEqualTo(400);
        Map<String, Object> noName = new HashMap<>();
        noName.put("firstName", null);
        assertThat(api.as(manager, "PATCH", "/api/contacts/" + ann, noName).status()).isEqualTo(400);
        assertThat(api.as(manager, "POST", "/api/contacts", Map.of("company", a, "jobTitle", "x")).status())
                .isEqualTo(400);
        assertThat(api.as(manager, "POST", "/api/contacts", Map.of("firstName", "x")).status()).isEqualTo(400);
        assertThat(api.as(manager, "GET", "/api/companies?page=-1", null).status()).isEqualTo(400);
    }

    @Test
    void deletingAContactTakesItsFilesAndItsRestoreBringsThemBack() {
        Api api = api();
        String operator = api.newUser("fop", "operator");
        long company = id(api.as(operator, "POST", "/api/companies", Map.of("name", "Files " + System.nanoTime())));
        long contact = id(api.as(operator, "POST", "/api/contacts", Map.of("company", company, "lastName", "Files")));
        long file = id(api.upload(operator, contact, "card.txt", "text/plain", "card".getBytes(StandardCharsets.UTF_8)));
        long companyFile = id(api.upload(operator, company, "deal.txt", "text/plain",
                "deal".getBytes(StandardCharsets.UTF_8)));
        // the same contents on another company keep them stored (content without a reference is purged at once
        // here), so that the restores below find them
        long keeper = id(api.as(operator, "POST", "/api/companies", Map.of("name", "Keeper " + System.nanoTime())));
        id(api.upload(operator, keeper, "card.txt", "text/plain", "card".getBytes(StandardCharsets.UTF_8)));
        id(api.upload(operator, keeper, "deal.txt", "text/plain", "deal".getBytes(StandardCharsets.UTF_8)));
        List<Long> preview = new ArrayList<>();
        api.as(operator, "GET", "/api/contacts/" + contact + "/deletion-preview", null).body().get("objects")
                .forEach(o -> preview.add(o.get("id").asLong()));
        assertThat(preview).containsExactly(contact, file);
        List<Long> companyPreview = new ArrayList<>();
        api.as(operator, "GET", "/api/companies/" + company + "/deletion-preview", null).body().get("objects")
                .forEach(o -> companyPreview.add(o.get("id").asLong()));
        assertThat(companyPreview).containsExactly(company, companyFile, contact, file);
        assertThat(api.as(operator, "DELETE", "/api/contacts/" + contact, null).status()).isEqualTo(204);
        assertThat(api.as("admin", "GET", "/api/objects/" + file, null).body().get("deleted").asBoolean()).isTrue();
        assertThat(api.as("admin", "POST", "/api/objects/" + contact + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(operator, "GET", "/api/objects/" + file, null).status()).isEqualTo(200);
        // the whole company: contact and files go and come back together
        assertThat(api.as(operator, "DELETE", "/api/companies/" + company + "?objects=4", null).status())
                .isEqualTo(204);
        for (long id : List.of(company, companyFile, contact, file)) {
            assertThat(api.as("admin", "GET", "/api/objects/" + id, null).body().get("deleted").asBoolean()).isTrue();
        }
        // restored: the company, the contact and their files (their contents are still stored)
        Api.Response restored = api.as("admin", "POST", "/api/objects/" + company + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        List<Long> back = new ArrayList<>();
        restored.body().get("restored").forEach(o -> back.add(o.get("id").asLong()));
        List<Long> missing = new ArrayList<>();
        restored.body().get("missingContent").forEach(o -> missing.add(o.get("id").asLong()));
        assertThat(back).containsExactlyInAnyOrder(company, companyFile, contact, file);
        assertThat(missing).isEmpty();
        for (long id : back) {
            assertThat(api.as(operator, "GET", "/api/objects/" + id, null).status()).isEqualTo(200);
        }
    }

    @Test
    void aContactMovesToAnotherCompanyTakingItsOwnerAndDepartmentInItsHistory() {
        Api api = api();
        String mark = "Mv" + System.nanoTime();
        long home = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", mark + " home")));
        long away = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", mark + " away")));
        String manager = api.newUser("mvm", "manager");
        String other = api.newUser("mvo", "manager");
        for (Map.Entry<String, Long> e : Map.of(manager, home, other, away).entrySet()) {
            assertThat(api.as("admin", "PUT", "/api/users/" + e.getKey() + "/departments", Map.of("departments",
                    List.of(e.getValue()))).status()).isEqualTo(200);
        }
        long from = id(api.as(manager, "POST", "/api/companies", Map.of("name", mark + " From")));
        long to = id(api.as(other, "POST", "/api/companies", Map.of("name", mark + " To")));
        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", from, "lastName", mark)));

        // another manager sees the contact but may not change it; who may not see it learns nothing
        assertThat(api.as(other, "PATCH", "/api/contacts/" + contact, Map.of("company", to)).status()).isEqualTo(403);
        assertThat(api.as(api.newUser("mvco"), "PATCH", "/api/contacts/" + contact, Map.of("company", to)).status())
                .isEqualTo(404);
        // a company that is not there (deleted, or never was) is refused as the create refuses it, nothing moved
        long gone = id(api.as(other, "POST", "/api/companies", Map.of("name", mark + " Gone")));
        assertThat(api.as(other, "DELETE", "/api/companies/" + gone, null).status()).isEqualTo(204);
        Api.Response refused = api.as(manager, "PATCH", "/api/contacts/" + contact, Map.of("company", gone));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("company");
        Map<String, Object> none = new HashMap<>();
        none.put("company", null);
        assertThat(api.as(manager, "PATCH", "/api/contacts/" + contact, none).status()).isEqualTo(400);

        Api.Response moved = api.as(manager, "PATCH", "/api/contacts/" + contact, Map.of("company", to,
                "jobTitle", "Buyer"), Map.of("If-Match", "\"1\""));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("company").asLong()).isEqualTo(to);
        assertThat(moved.body().get("owner").asText()).isEqualTo(other);
        assertThat(moved.body().get("department").asLong()).isEqualTo(away);
        assertThat(moved.body().get("jobTitle").asText()).isEqualTo("Buyer");
        assertThat(moved.header("ETag")).isEqualTo("\"3\"");
        assertThat(api.as(manager, "GET", "/api/contacts?company=" + from, null).body().get("total").asLong()).isZero();
        assertThat(api.as(manager, "GET", "/api/contacts?company=" + to, null).body().get("total").asLong())
                .isEqualTo(1);
        // its history: the change, then the move with its company, owner and department, by the user who made it
        assertThat(events(api, manager, contact)).containsExactly("ContactCreated", "ContactChanged", "ContactMoved");
        JsonNode step = api.as(manager, "GET", "/api/objects/" + contact + "/history", null).body().get("entries")
                .get(2);
        assertThat(step.get("user").asText()).isEqualTo(manager);
        assertThat(step.get("changes").toString()).contains("\"field\":\"company\"", "\"to\":\"" + to + "\"",
                "\"field\":\"owner\"", "\"to\":\"" + other + "\"", "\"field\":\"department\"");
        // now the other company's: its owner changes it, the first owner no longer; it goes with that company
        assertThat(api.as(other, "PATCH", "/api/contacts/" + contact, Map.of("city", "Oslo")).status()).isEqualTo(200);
        assertThat(api.as(manager, "PATCH", "/api/contacts/" + contact, Map.of("city", "Rome")).status())
                .isEqualTo(403);
        assertThat(api.as(other, "GET", "/api/companies/" + from + "/deletion-preview", null).status()).isEqualTo(403);
        assertThat(api.as(manager, "GET", "/api/companies/" + from + "/deletion-preview", null).body().toString())
                .doesNotContain("\"id\":" + contact);
        assertThat(api.as(other, "DELETE", "/api/companies/" + to, null).status()).isEqualTo(204);
        assertThat(api.as(other, "GET", "/api/contacts/" + contact, null).status()).isEqualTo(404);
    }
}
