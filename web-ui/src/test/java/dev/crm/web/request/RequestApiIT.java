package dev.crm.web.request;

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
 * Requests through the API on PostgreSQL: matching on save (e-mail, phone digits, website domain; never a public mail
 * domain; two matches link nothing), subsequent requests, what the history shows, who sees and deletes them, and
 * "create deal".
 */
@CrmIntegrationTest
class RequestApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api() {
        return new Api(port);
    }

    static long id(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    static List<String> events(Api api, String user, long id) {
        Api.Response history = api.as(user, "GET", "/api/objects/" + id + "/history", null);
        assertThat(history.status()).isEqualTo(200);
        List<String> events = new ArrayList<>();
        history.body().get("entries").forEach(e -> events.add(e.get("event").asText()));
        return events;
    }

    long count(String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crm_object WHERE kind = ?", Long.class, kind);
    }

    static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }

    /** Digits no other test uses. */
    static String phoneDigits() {
        String n = Long.toString(System.nanoTime());
        return n.substring(n.length() - 10);
    }

    static JsonNode get(Api api, String user, long id) {
        Api.Response r = api.as(user, "GET", "/api/requests/" + id, null);
        assertThat(r.status()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aRequestIsMatchedByEmailPhoneAndWebsiteDomain() {
        Api api = api();
        String manager = api.newUser("rqm", "manager");
        String mark = unique();
        String domain = "acme-" + mark + ".test";
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Acme " + mark,
                "website", "https://www." + domain + "/about")));
        String digits = phoneDigits();
        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "firstName", "Ann",
                "lastName", "Lee" + mark, "email", "Ann." + mark + "@mail.test", "phone", "+" + digits)));

        // by e-mail, case-insensitive: its contact (and the company by nothing: mail.test is no company's)
        Api.Response byMail = api.as(manager, "POST", "/api/requests", Map.of("subject", "Offer",
                "email", "ann." + mark + "@MAIL.test"));
        assertThat(byMail.status()).isEqualTo(201);
        assertThat(byMail.header("Location")).isEqualTo("/api/requests/" + id(byMail));
        assertThat(byMail.body().get("contact").asLong()).isEqualTo(contact);
        assertThat(byMail.body().get("company").isNull()).isTrue();
        assertThat(byMail.body().get("verificationRequired").asBoolean()).isTrue();
        assertThat(byMail.body().get("pending").asBoolean()).isTrue();
        assertThat(byMail.body().get("subsequent").asBoolean()).isFalse();
        assertThat(events(api, manager, id(byMail))).containsExactly("RequestCreated", "RequestMatched");

        // by phone, digits only: the same contact, which now had a request before: subsequent
        String spaced = "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
        JsonNode byPhone = api.as(manager, "POST", "/api/requests", Map.of("subject", "Call", "phone", spaced))
                .body();
        assertThat(byPhone.get("contact").asLong()).isEqualTo(contact);
        assertThat(byPhone.get("subsequent").asBoolean()).isTrue();

        // by the website's domain, and by the e-mail's: the company
        JsonNode bySite = api.as(manager, "POST", "/api/requests", Map.of("subject", "Web",
                "website", "http://" + domain)).body();
        assertThat(bySite.get("company").asLong()).isEqualTo(company);
        assertThat(bySite.get("contact").isNull()).isTrue();
        assertThat(bySite.get("verificationRequired").asBoolean()).isTrue();
        JsonNode byDomain = api.as(manager, "POST", "/api/requests", Map.of("subject", "Mail",
                "email", "bob@" + domain)).body();
        assertThat(byDomain.get("company").asLong()).isEqualTo(company);
        assertThat(byDomain.get("subsequent").asBoolean()).isTrue();

        // nothing matched: nothing set, nothing to verify, nothing automatic in its history
        long none = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Nobody",
                "email", "nobody-" + mark + "@nowhere.test")));
        JsonNode plain = get(api, manager, none);
        assertThat(plain.get("verificationRequired").asBoolean()).isFalse();
        assertThat(plain.get("contact").isNull()).isTrue();
        assertThat(events(api, manager, none)).containsExactly("RequestCreated");

        // a change of the e-mail matches again; a user corrects the link and clears verificationRequired
        Api.Response rematched = api.as(manager, "PATCH", "/api/requests/" + none, Map.of("email",
                "ann." + mark + "@mail.test"));
        assertThat(rematched.body().get("contact").asLong()).isEqualTo(contact);
        assertThat(events(api, manager, none)).containsExactly("RequestCreated", "RequestChanged", "RequestMatched");
        Api.Response corrected = api.as(manager, "PATCH", "/api/requests/" + none, Map.of("contact", contact,
                "company", company, "verificationRequired", false));
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body().get("company").asLong()).isEqualTo(company);
        assertThat(corrected.body().get("verificationRequired").asBoolean()).isFalse();
        // the lists' flag and link filters
        assertThat(api.as(manager, "GET", "/api/requests?contact=" + contact, null).body().get("total").asLong())
                .isEqualTo(3);
        assertThat(api.as(manager, "GET", "/api/requests?company=" + company + "&verificationRequired=true", null)
                .body().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void publicMailDomainsAndAmbiguousMatchesLinkNothing() {
        Api api = api();
        String manager = api.newUser("rqp", "manager");
        String mark = unique();
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Gmail fan " + mark,
                "email", "info@gmail.com")));
        JsonNode gmail = api.as(manager, "POST", "/api/requests", Map.of("subject", "Hi",
                "email", "someone-" + mark + "@gmail.com")).body();
        assertThat(gmail.get("company").isNull()).isTrue();
        assertThat(gmail.get("verificationRequired").asBoolean()).isFalse();

        String digits = phoneDigits();
        for (String name : List.of("One", "Two")) {
            id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName", name + mark,
                    "phone", digits)));
        }
        JsonNode twice = api.as(manager, "POST", "/api/requests", Map.of("subject", "Hi", "phone", digits)).body();
        assertThat(twice.get("contact").isNull()).isTrue();
        assertThat(twice.get("verificationRequired").asBoolean()).isTrue();
    }

    @Test
    void onlyWhatTheUserMaySeeIsMatchedAndTheMatrixDecides() {
        Api api = api();
        long dept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Req " + unique())));
        long otherDept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Req " + unique())));
        String manager = api.newUser("rqv", "manager");
        String otherManager = api.newUser("rqvo", "manager");
        String operator = api.newUser("rqop", "operator");
        String outsideOperator = api.newUser("rqopx", "operator");
        String chief = api.newUser("rqchief", "chief");
        for (String u : List.of(manager, operator)) {
            assertThat(api.as("admin", "PUT", "/api/users/" + u + "/departments",
                    Map.of("departments", List.of(dept))).status()).isEqualTo(200);
        }
        assertThat(api.as("admin", "PUT", "/api/users/" + outsideOperator + "/departments",
                Map.of("departments", List.of(otherDept))).status()).isEqualTo(200);
        long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Matrix " + unique())));
        assertThat(get(api, manager, request).get("department").asLong()).isEqualTo(dept);
        assertThat(get(api, manager, request).get("owner").asText()).isEqualTo(manager);
        // manager: add, view all, change own; never delete
        assertThat(api.as(manager, "PATCH", "/api/requests/" + request, Map.of("case", true)).body().get("case")
                .asBoolean()).isTrue();
        assertThat(api.as(manager, "DELETE", "/api/requests/" + request, null).status()).isEqualTo(403);
        assertThat(api.as(otherManager, "GET", "/api/requests/" + request, null).status()).isEqualTo(200);
        assertThat(api.as(otherManager, "PATCH", "/api/requests/" + request, Map.of("case", false)).status())
                .isEqualTo(403);
        // chief: view only
        assertThat(api.as(chief, "GET", "/api/requests/" + request, null).status()).isEqualTo(200);
        assertThat(api.as(chief, "POST", "/api/requests", Map.of("subject", "x")).status()).isEqualTo(403);
        // operators: their departments' only; another department's does not learn it exists
        assertThat(api.as(outsideOperator, "GET", "/api/requests/" + request, null).status()).isEqualTo(404);
        assertThat(api.as(outsideOperator, "DELETE", "/api/requests/" + request, null).status()).isEqualTo(404);
        assertThat(api.as(operator, "DELETE", "/api/requests/" + request, null).status()).isEqualTo(204);
        assertThat(api.as(operator, "GET", "/api/requests/" + request, null).status()).isEqualTo(404);

        // a lead matches by e-mail too (operators see every lead, so across departments)
        String mark = unique();
        long lead = id(api.as(outsideOperator, "POST", "/api/leads", Map.of("lastName", "Far", "email",
                "far-" + mark + "@corp-" + mark + ".test")));
        JsonNode seen = api.as(operator, "POST", "/api/requests", Map.of("subject", "Hi",
                "email", "FAR-" + mark + "@corp-" + mark + ".test")).body();
        assertThat(seen.get("lead").asLong()).isEqualTo(lead);
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

    @Test
    void createDealMakesALeadWhenNothingMatchedAndLinksEverything() {
        Api api = api();
        String manager = api.newUser("rqd", "manager");
        String mark = unique();
        long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Big order " + mark,
                "firstName", "Nia", "lastName", "Moss" + mark, "email", "nia-" + mark + "@nomatch-" + mark + ".test",
                "companyName", "Moss Ltd " + mark)));
        long leads = count("lead");
        long deals = count("deal");
        Api.Response made = api.as(manager, "POST", "/api/requests/" + request + "/deal", null);
        assertThat(made.status()).as(String.valueOf(made.body())).isEqualTo(201);
        long deal = made.body().get("id").asLong();
        assertThat(made.header("Location")).isEqualTo("/api/deals/" + deal);
        assertThat(made.body().get("name").asText()).isEqualTo("Big order " + mark);
        assertThat(made.body().get("request").asLong()).isEqualTo(request);
        assertThat(made.body().get("stage").asLong()).as("the default stage")
                .isEqualTo(reference(api, "stages", "Request"));
        assertThat(count("lead")).isEqualTo(leads + 1);
        assertThat(count("deal")).isEqualTo(deals + 1);
        long lead = made.body().get("lead").asLong();
        JsonNode newLead = api.as(manager, "GET", "/api/leads/" + lead, null).body();
        assertThat(newLead.get("lastName").asText()).isEqualTo("Moss" + mark);
        assertThat(newLead.get("companyName").asText()).isEqualTo("Moss Ltd " + mark);

        JsonNode after = get(api, manager, request);
        assertThat(after.get("deal").asLong()).isEqualTo(deal);
        assertThat(after.get("lead").asLong()).isEqualTo(lead);
        assertThat(after.get("pending").asBoolean()).isFalse();
        assertThat(events(api, manager, request)).containsExactly("RequestCreated", "RequestDealCreated");
        // the lead's and deal's histories show the request as the cause
        for (long made2 : List.of(lead, deal)) {
            JsonNode first = api.as(manager, "GET", "/api/objects/" + made2 + "/history", null).body()
                    .get("entries").get(0);
            assertThat(first.get("causedBy").asLong()).as("history of " + made2).isEqualTo(request);
        }

        // a second deal: 409, nothing made
        Api.Response again = api.as(manager, "POST", "/api/requests/" + request + "/deal", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).contains("already has its deal");
        assertThat(count("deal")).isEqualTo(deals + 1);
        // the deal is not the user's to set
        assertThat(api.as(manager, "PATCH", "/api/requests/" + request, Map.of("deal", deal)).status()).isEqualTo(400);
    }

    @Test
    void createDealUsesTheMatchedContactAndRefusesDuplicatesAndCases() {
        Api api = api();
        String manager = api.newUser("rqc", "manager");
        String other = api.newUser("rqco", "manager");
        String mark = unique();
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Cont " + mark)));
        long contact = id(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName", "Kay",
                "email", "kay-" + mark + "@c.test")));
        long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Renewal " + mark,
                "email", "kay-" + mark + "@c.test", "company", company)));
        assertThat(get(api, manager, request).get("contact").asLong()).isEqualTo(contact);
        // another manager may see it, not change it: no deal
        assertThat(api.as(other, "POST", "/api/requests/" + request + "/deal", null).status()).isEqualTo(403);
        long leads = count("lead");
        long contacts = count("contact");
        JsonNode deal = api.as(manager, "POST", "/api/requests/" + request + "/deal", null).body();
        assertThat(deal.get("contact").asLong()).isEqualTo(contact);
        assertThat(deal.get("company").asLong()).isEqualTo(company);
        assertThat(deal.get("lead").isNull()).isTrue();
        assertThat(count("lead")).isEqualTo(leads);
        assertThat(count("contact")).isEqualTo(contacts);

        // a duplicate and a case make no deal: 409, nothing made
        long deals = count("deal");
        for (String flag : List.of("duplicate", "case")) {
            long marked = id(api.as(manager, "POST", "/api/requests", Map.of("subject", flag + " " + mark,
                    "lastName", "Nobody" + mark, flag, true)));
            Api.Response refused = api.as(manager, "POST", "/api/requests/" + marked + "/deal", null);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.body().toString()).contains("makes no deal");
            assertThat(get(api, manager, marked).get("deal").isNull()).isTrue();
        }
        assertThat(count("deal")).isEqualTo(deals);
        assertThat(count("lead")).isEqualTo(leads);

        // only its company matched: a contact is made in it
        long byCompany = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "New person " + mark,
                "firstName", "Lou", "lastName", "Ray" + mark, "companyName", "Cont " + mark)));
        assertThat(get(api, manager, byCompany).get("company").asLong()).isEqualTo(company);
        JsonNode third = api.as(manager, "POST", "/api/requests/" + byCompany + "/deal", null).body();
        long newContact = third.get("contact").asLong();
        assertThat(api.as(manager, "GET", "/api/objects/" + newContact + "/history", null).body().get("entries")
                .get(0).get("causedBy").asLong()).isEqualTo(byCompany);
        assertThat(newContact).isNotEqualTo(contact);
        assertThat(api.as(manager, "GET", "/api/contacts/" + newContact, null).body().get("company").asLong())
                .isEqualTo(company);
        assertThat(get(api, manager, byCompany).get("contact").asLong()).isEqualTo(newContact);
        assertThat(count("lead")).isEqualTo(leads);
    }

    @Test
    void aLeadsConversionMovesItsRequestsToTheNewContactAndCompany() {
        Api api = api();
        String manager = api.newUser("rql", "manager");
        String mark = unique();
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Ida", "lastName", "Vale" + mark,
                "email", "ida-" + mark + "@vale-" + mark + ".test")));
        long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Question " + mark,
                "email", "ida-" + mark + "@vale-" + mark + ".test")));
        assertThat(get(api, manager, request).get("lead").asLong()).isEqualTo(lead);
        JsonNode converted = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null).body();
        JsonNode moved = get(api, manager, request);
        assertThat(moved.get("contact").asLong()).isEqualTo(converted.get("contact").asLong());
        assertThat(moved.get("company").asLong()).isEqualTo(converted.get("company").asLong());
        assertThat(moved.get("lead").asLong()).as("the lead stays named").isEqualTo(lead);
        JsonNode last = api.as(manager, "GET", "/api/objects/" + request + "/history", null).body().get("entries")
                .get(2);
        assertThat(last.get("event").asText()).isEqualTo("RequestChanged");
        assertThat(last.get("causedBy").asLong()).isEqualTo(lead);
    }
}
