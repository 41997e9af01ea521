package dev.crm.web.lead;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.shared.company.CompanyKind;
import dev.crm.shared.contact.ContactKind;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leads through the API on PostgreSQL: create, change, delete and restore with their history; who sees and changes
 * them (the matrix); and the conversion: a new company and contact caused by the lead, or an existing company found
 * by name or by the e-mail's domain (never a public mail domain), refused when ambiguous or done twice.
 */
@CrmIntegrationTest
class LeadApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Api api() {
        return new Api(port);
    }

    private static long id(Api.Response r) {
        assertThat(r.status()).as(String.valueOf(r.body())).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    private static JsonNode entries(Api api, String user, long id) {
        Api.Response history = api.as(user, "GET", "/api/objects/" + id + "/history", null);
        assertThat(history.status()).isEqualTo(200);
        return history.body().get("entries");
    }

    private static List<String> events(Api api, String user, long id) {
        List<String> events = new ArrayList<>();
        entries(api, user, id).forEach(e -> events.add(e.get("event").asText()));
        return events;
    }

    /** Every company and contact ever stored (live or deleted): what a refused conversion must not add to. */
    private long count(String kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM crm_object WHERE kind = ?", Long.class, kind);
    }

    private static String unique() {
        return Long.toString(System.nanoTime(), 36);
    }

    @Test
    void createChangeDeleteAndRestoreAreInTheHistory() {
        Api api = api();
        String manager = api.newUser("lmgr", "manager");
        long source = id(api.as("admin", "POST", "/api/admin/lead-sources", Map.of("name", "Fair " + unique())));
        String mark = "Lead" + unique();
        Api.Response created = api.as(manager, "POST", "/api/leads", Map.of("firstName", "Ann", "lastName", mark,
                "companyName", "Ann's Shop", "email", "ann@shop.test", "source", source, "website", "shop.test"));
        assertThat(created.status()).isEqualTo(201);
        long lead = id(created);
        assertThat(created.header("Location")).isEqualTo("/api/leads/" + lead);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.body().get("kind").asText()).isEqualTo("lead");
        assertThat(created.body().get("owner").asText()).isEqualTo(manager);
        assertThat(created.body().get("source").asLong()).isEqualTo(source);
        assertThat(created.body().get("company").isNull()).isTrue();
        assertThat(created.body().get("contact").isNull()).isTrue();

        Api.Response changed = api.as(manager, "PATCH", "/api/leads/" + lead, Map.of("city", "Lyon"),
                Map.of("If-Match", "\"1\""));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("city").asText()).isEqualTo("Lyon");
        assertThat(api.as(manager, "PATCH", "/api/leads/" + lead, Map.of("city", "Paris"), Map.of("If-Match", "\"1\""))
                .status()).isEqualTo(412);
        // bad input: 400 naming the fields, nothing stored
        Api.Response bad = api.as(manager, "PATCH", "/api/leads/" + lead, Map.of("email", "nope", "source", 999_999_999L));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("email", "source");
        Map<String, Object> noName = new HashMap<>();
        noName.put("firstName", null);
        noName.put("lastName", null);
        noName.put("companyName", null);
        assertThat(api.as(manager, "PATCH", "/api/leads/" + lead, noName).status()).isEqualTo(400);
        assertThat(api.as(manager, "POST", "/api/leads", Map.of("city", "Nowhere")).status()).isEqualTo(400);
        assertThat(api.as(manager, "POST", "/api/leads", Map.of("companyName", "Only a company")).status())
                .isEqualTo(201);
        // its company and contact are the conversion's
        assertThat(api.as(manager, "PATCH", "/api/leads/" + lead, Map.of("company", 1)).status()).isEqualTo(400);
        assertThat(api.as(manager, "POST", "/api/leads", Map.of("lastName", "x", "contact", 1)).status())
                .isEqualTo(400);
        // the list and the search bar find it
        JsonNode listed = api.as(manager, "GET", "/api/leads?q=" + mark, null).body();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(api.as(manager, "GET", "/api/leads?source=" + source, null).body().get("total").asLong())
                .isEqualTo(1);
        JsonNode found = api.as(manager, "GET", "/api/search?q=" + mark, null).body().get("items");
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).get("kind").asText()).isEqualTo("lead");
        assertThat(found.get(0).get("title").asText()).isEqualTo("Ann " + mark + " Ann's Shop");

        assertThat(api.as(manager, "DELETE", "/api/leads/" + lead, null).status()).isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/leads/" + lead, null).status()).isEqualTo(404);
        assertThat(api.as("admin", "POST", "/api/objects/" + lead + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/leads/" + lead, null).status()).isEqualTo(200);
        assertThat(events(api, manager, lead)).containsExactly("LeadCreated", "LeadChanged", "LeadDeleted",
                "LeadRestored");
    }

    @Test
    void theMatrixDecidesWhoSeesAndChangesLeads() {
        Api api = api();
        long dept = id(api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Leads " + System.nanoTime())));
        String manager = api.newUser("lpm", "manager");
        String otherManager = api.newUser("lpmo", "manager");
        String operator = api.newUser("lpop", "operator");
        String outsideOperator = api.newUser("lpopx", "operator");
        String chief = api.newUser("lpchief", "chief");
        for (String u : List.of(manager, operator)) {
            assertThat(api.as("admin", "PUT", "/api/users/" + u + "/departments", Map.of("departments", List.of(dept)))
                    .status()).isEqualTo(200);
        }
        String mark = "Matrix" + unique();
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("lastName", mark)));
        assertThat(api.as(manager, "GET", "/api/leads/" + lead, null).body().get("department").asLong()).isEqualTo(dept);
        // manager: own yes, another manager's: view only
        assertThat(api.as(otherManager, "GET", "/api/leads/" + lead, null).status()).isEqualTo(200);
        assertThat(api.as(otherManager, "PATCH", "/api/leads/" + lead, Map.of("city", "x")).status()).isEqualTo(403);
        assertThat(api.as(otherManager, "POST", "/api/leads/" + lead + "/convert", null).status()).isEqualTo(403);
        assertThat(api.as(otherManager, "DELETE", "/api/leads/" + lead, null).status()).isEqualTo(403);
        // operator: the department's yes, outside the department view only
        assertThat(api.as(operator, "PATCH", "/api/leads/" + lead, Map.of("city", "Dept")).status()).isEqualTo(200);
        assertThat(api.as(outsideOperator, "PATCH", "/api/leads/" + lead, Map.of("city", "x")).status())
                .isEqualTo(403);
        assertThat(api.as(outsideOperator, "GET", "/api/leads/" + lead, null).status()).isEqualTo(200);
        // chief: view only, may not add or convert
        assertThat(api.as(chief, "GET", "/api/leads/" + lead, null).status()).isEqualTo(200);
        assertThat(api.as(chief, "PATCH", "/api/leads/" + lead, Map.of("city", "x")).status()).isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/leads/" + lead + "/convert", null).status()).isEqualTo(403);
        assertThat(api.as(chief, "POST", "/api/leads", Map.of("lastName", "Chief's")).status()).isEqualTo(403);
        // the owner gives it to another: now theirs
        assertThat(api.as(manager, "PUT", "/api/leads/" + lead + "/owner", Map.of("owner", otherManager)).status())
                .isEqualTo(200);
        assertThat(api.as(otherManager, "PATCH", "/api/leads/" + lead, Map.of("city", "Theirs")).status())
                .isEqualTo(200);
        // who may not view: 404 everywhere, absent from lists, search, ID search and history
        for (String u : List.of(api.newUser("lpco"), api.newUser("lptop", "task_operator"),
                api.newUser("lpacc", "accountant"))) {
            assertThat(api.as(u, "GET", "/api/leads/" + lead, null).status()).as(u).isEqualTo(404);
            assertThat(api.as(u, "PATCH", "/api/leads/" + lead, Map.of("city", "x")).status()).as(u).isEqualTo(404);
            assertThat(api.as(u, "POST", "/api/leads/" + lead + "/convert", null).status()).as(u).isEqualTo(404);
            assertThat(api.as(u, "DELETE", "/api/leads/" + lead, null).status()).as(u).isEqualTo(404);
            assertThat(api.as(u, "GET", "/api/objects/" + lead + "/history", null).status()).as(u).isEqualTo(404);
            assertThat(api.as(u, "GET", "/api/search?q=ID" + lead, null).body().get("items").size()).isZero();
            assertThat(api.as(u, "GET", "/api/search?q=" + mark, null).body().get("items").size()).isZero();
            assertThat(api.as(u, "GET", "/api/leads?q=" + mark, null).body().get("total").asLong()).isZero();
            assertThat(api.as(u, "POST", "/api/leads", Map.of("lastName", "x")).status()).isEqualTo(403);
        }
    }

    @Test
    void convertingMakesACompanyAndAContactCausedByTheLeadAndClosesIt() {
        Api api = api();
        String manager = api.newUser("lcm", "manager");
        String u = unique();
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Cleo", "lastName", "Vert",
                "companyName", "Vert " + u + " GmbH", "email", "cleo@vert-" + u + ".test", "phone", "+49 30 123",
                "website", "https://vert-" + u + ".test", "country", "Germany", "city", "Berlin",
                "description", "met at the fair")));
        long companies = count(CompanyKind.NAME);
        long contacts = count(ContactKind.NAME);
        Api.Response converted = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null,
                Map.of("If-Match", "\"1\""));
        assertThat(converted.status()).as(converted.text()).isEqualTo(200);
        long company = converted.body().get("company").asLong();
        long contact = converted.body().get("contact").asLong();
        assertThat(count(CompanyKind.NAME)).isEqualTo(companies + 1);
        assertThat(count(ContactKind.NAME)).isEqualTo(contacts + 1);

        JsonNode c = api.as(manager, "GET", "/api/companies/" + company, null).body();
        assertThat(c.get("name").asText()).isEqualTo("Vert " + u + " GmbH");
        assertThat(c.get("website").asText()).isEqualTo("https://vert-" + u + ".test");
        assertThat(c.get("email").asText()).isEqualTo("cleo@vert-" + u + ".test");
        assertThat(c.get("phone").asText()).isEqualTo("+49 30 123");
        assertThat(c.get("city").asText()).isEqualTo("Berlin");
        assertThat(c.get("country").asText()).isEqualTo("Germany");
        assertThat(c.get("owner").asText()).isEqualTo(manager);
        JsonNode p = api.as(manager, "GET", "/api/contacts/" + contact, null).body();
        assertThat(p.get("company").asLong()).isEqualTo(company);
        assertThat(p.get("firstName").asText()).isEqualTo("Cleo");
        assertThat(p.get("lastName").asText()).isEqualTo("Vert");
        assertThat(p.get("email").asText()).isEqualTo("cleo@vert-" + u + ".test");
        assertThat(p.get("owner").asText()).isEqualTo(manager);

        // each history shows the step: the company and contact made by it, caused by the lead; the lead converted
        for (long made : List.of(company, contact)) {
            JsonNode first = entries(api, manager, made).get(0);
            assertThat(first.get("user").asText()).isEqualTo(manager);
            assertThat(first.get("causedBy").asLong()).as("made %d", made).isEqualTo(lead);
        }
        assertThat(events(api, manager, company)).containsExactly("CompanyCreated");
        assertThat(events(api, manager, contact)).containsExactly("ContactCreated");
        assertThat(events(api, manager, lead)).containsExactly("LeadCreated", "LeadConverted");
        JsonNode step = entries(api, manager, lead).get(1);
        assertThat(step.get("user").asText()).isEqualTo(manager);
        assertThat(step.get("changes").toString()).contains("\"field\":\"company\"", "\"to\":\"" + company + "\"",
                "\"field\":\"contact\"", "\"to\":\"" + contact + "\"");

        // the lead stays, closed: it names what it became, and cannot be converted again nor changed
        JsonNode closed = api.as(manager, "GET", "/api/leads/" + lead, null).body();
        assertThat(closed.get("company").asLong()).isEqualTo(company);
        assertThat(closed.get("contact").asLong()).isEqualTo(contact);
        assertThat(api.as(manager, "GET", "/api/leads?company=" + company, null).body().get("total").asLong())
                .isEqualTo(1);
        Api.Response again = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as(manager, "PATCH", "/api/leads/" + lead, Map.of("city", "Munich")).status()).isEqualTo(409);
        assertThat(api.as(manager, "PUT", "/api/leads/" + lead + "/owner", Map.of("owner", "admin")).status())
                .isEqualTo(409);
        assertThat(count(CompanyKind.NAME)).isEqualTo(companies + 1);
        assertThat(count(ContactKind.NAME)).isEqualTo(contacts + 1);
    }

    @Test
    void anExistingCompanyIsFoundByNameWhateverItsCaseOrByTheWebsitesOrEmailsDomain() {
        Api api = api();
        String manager = api.newUser("lfm", "manager");
        String owner = api.newUser("lfo", "manager");
        String u = unique();
        // by name: someone else's company takes the contact, which gets its owner
        long byName = id(api.as(owner, "POST", "/api/companies", Map.of("name", "Named " + u + " Ltd")));
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Nia", "companyName",
                "NAMED " + u + " ltd", "email", "nia@elsewhere-" + u + ".test")));
        long companies = count(CompanyKind.NAME);
        JsonNode converted = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null).body();
        assertThat(converted.get("company").asLong()).isEqualTo(byName);
        assertThat(count(CompanyKind.NAME)).isEqualTo(companies);
        long contact = converted.get("contact").asLong();
        JsonNode p = api.as(manager, "GET", "/api/contacts/" + contact, null).body();
        assertThat(p.get("company").asLong()).isEqualTo(byName);
        assertThat(p.get("owner").asText()).isEqualTo(owner);
        assertThat(entries(api, manager, contact).get(0).get("causedBy").asLong()).isEqualTo(lead);
        // the found company's history shows the conversion, caused by the lead, by the user who converted it
        assertThat(events(api, owner, byName)).containsExactly("CompanyCreated", "CompanyLeadConverted");
        JsonNode found = entries(api, owner, byName).get(1);
        assertThat(found.get("causedBy").asLong()).isEqualTo(lead);
        assertThat(found.get("user").asText()).isEqualTo(manager);

        // by the website's domain (www. and a path do not matter), the lead's company name being another
        long bySite = id(api.as(owner, "POST", "/api/companies", Map.of("name", "Site " + u,
                "website", "https://www.site-" + u + ".test/about")));
        long siteLead = id(api.as(manager, "POST", "/api/leads", Map.of("lastName", "Sol", "companyName",
                "Something else " + u, "email", "sol@site-" + u + ".test")));
        assertThat(api.as(manager, "POST", "/api/leads/" + siteLead + "/convert", null).body().get("company").asLong())
                .isEqualTo(bySite);

        // by the company's e-mail domain
        long byMail = id(api.as(owner, "POST", "/api/companies", Map.of("name", "Mail " + u,
                "email", "office@mail-" + u + ".test")));
        long mailLead = id(api.as(manager, "POST", "/api/leads", Map.of("lastName", "Mo",
                "email", "mo@MAIL-" + u + ".test")));
        assertThat(api.as(manager, "POST", "/api/leads/" + mailLead + "/convert", null).body().get("company")
                .asLong()).isEqualTo(byMail);
        assertThat(count(CompanyKind.NAME)).isEqualTo(companies + 2);
    }

    @Test
    void aPublicMailDomainSaysNothingAboutTheCompany() {
        Api api = api();
        String manager = api.newUser("lgm", "manager");
        String u = unique();
        // companies on gmail.com exist (this one, and maybe others'): none of them is the lead's
        id(api.as(manager, "POST", "/api/companies", Map.of("name", "Gmail user " + u, "email", "someone@gmail.com",
                "website", "https://gmail.com")));
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Gus", "lastName", "Free" + u,
                "email", "gus" + u + "@gmail.com")));
        long companies = count(CompanyKind.NAME);
        JsonNode converted = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null).body();
        assertThat(count(CompanyKind.NAME)).isEqualTo(companies + 1);
        // no company name: the new company is named after the person
        assertThat(api.as(manager, "GET", "/api/companies/" + converted.get("company").asLong(), null).body()
                .get("name").asText()).isEqualTo("Gus Free" + u);
    }

    @Test
    void anAmbiguousConversionIsRefusedNamingTheMatchesAndWritesNothing() {
        Api api = api();
        String manager = api.newUser("lam", "manager");
        String u = unique();
        long one = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Twin " + u)));
        long two = id(api.as(manager, "POST", "/api/companies", Map.of("name", "twin " + u)));
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Tia", "companyName", "Twin " + u)));
        // one by name, another by domain: ambiguous too
        long named = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Solo " + u)));
        long onDomain = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Other " + u,
                "website", "solo-" + u + ".test")));
        long mixed = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Sam", "companyName", "Solo " + u,
                "email", "sam@solo-" + u + ".test")));
        long companies = count(CompanyKind.NAME);
        long contacts = count(ContactKind.NAME);

        Api.Response refused = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asText()).contains("2 companies", "ID " + one, "ID " + two,
                "Twin " + u, "twin " + u);
        Api.Response mixedRefused = api.as(manager, "POST", "/api/leads/" + mixed + "/convert", null);
        assertThat(mixedRefused.status()).isEqualTo(409);
        assertThat(mixedRefused.body().get("detail").asText()).contains("ID " + named, "ID " + onDomain);

        assertThat(count(CompanyKind.NAME)).isEqualTo(companies);
        assertThat(count(ContactKind.NAME)).isEqualTo(contacts);
        for (long l : List.of(lead, mixed)) {
            JsonNode open = api.as(manager, "GET", "/api/leads/" + l, null).body();
            assertThat(open.get("contact").isNull()).isTrue();
            assertThat(open.get("version").asLong()).isEqualTo(1);
            assertThat(events(api, manager, l)).containsExactly("LeadCreated");
        }
        // a lead without a person's name cannot make a contact: refused as well
        long noPerson = id(api.as(manager, "POST", "/api/leads", Map.of("companyName", "Nobody " + u)));
        assertThat(api.as(manager, "POST", "/api/leads/" + noPerson + "/convert", null).status()).isEqualTo(409);
        assertThat(count(CompanyKind.NAME)).isEqualTo(companies);
    }

    @Test
    void convertingMovesTheLeadsDealsAndRequestsAndTakesTheFoundCompanysContactWithTheLeadsEmail() {
        Api api = api();
        String manager = api.newUser("lcd", "manager");
        String owner = api.newUser("lcdo", "manager");
        String u = unique();
        String email = "pia@found-" + u + ".test";
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("firstName", "Pia", "lastName", "Lind" + u,
                "companyName", "Found " + u, "email", email)));
        // a request matched to the lead, and its deal, which belongs to the lead
        long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Offer " + u, "email", email)));
        assertThat(api.as(manager, "GET", "/api/requests/" + request, null).body().get("lead").asLong())
                .isEqualTo(lead);
        Api.Response made = api.as(manager, "POST", "/api/requests/" + request + "/deal", null);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long deal = made.body().get("id").asLong();
        assertThat(made.body().get("lead").asLong()).isEqualTo(lead);
        // an e-mail written from the lead
        Api.Response written = api.as(manager, "POST", "/api/emails", Map.of("subject", "Hello " + u, "to",
                List.of(email), "lead", lead));
        assertThat(written.status()).as(written.text()).isEqualTo(201);
        long mail = written.body().get("id").asLong();
        // then the company appears, with a contact that has the lead's e-mail (in another case)
        long company = id(api.as(owner, "POST", "/api/companies", Map.of("name", "Found " + u)));
        long contact = id(api.as(owner, "POST", "/api/contacts", Map.of("company", company, "firstName", "Pia",
                "email", email.toUpperCase(java.util.Locale.ROOT))));
        long contacts = count(ContactKind.NAME);

        JsonNode converted = api.as(manager, "POST", "/api/leads/" + lead + "/convert", null).body();
        assertThat(converted.get("company").asLong()).isEqualTo(company);
        assertThat(converted.get("contact").asLong()).as("the company's contact with that e-mail").isEqualTo(contact);
        assertThat(count(ContactKind.NAME)).isEqualTo(contacts);

        // the deal is the contact's and the company's now, a change caused by the lead, by the converting user
        JsonNode movedDeal = api.as(manager, "GET", "/api/deals/" + deal, null).body();
        assertThat(movedDeal.get("contact").asLong()).isEqualTo(contact);
        assertThat(movedDeal.get("company").asLong()).isEqualTo(company);
        assertThat(movedDeal.get("lead").asLong()).as("the lead stays named").isEqualTo(lead);
        JsonNode dealHistory = entries(api, manager, deal);
        JsonNode dealStep = dealHistory.get(dealHistory.size() - 1);
        assertThat(dealStep.get("event").asText()).isEqualTo("DealChanged");
        assertThat(dealStep.get("causedBy").asLong()).isEqualTo(lead);
        assertThat(dealStep.get("user").asText()).isEqualTo(manager);
        assertThat(dealStep.get("changes").toString()).contains("\"to\":\"" + contact + "\"",
                "\"to\":\"" + company + "\"");
        // the e-mail leaves the lead for the contact, caused by the lead
        JsonNode movedMail = api.as(manager, "GET", "/api/emails/" + mail, null).body();
        assertThat(movedMail.get("contact").asLong()).isEqualTo(contact);
        assertThat(movedMail.get("lead").isNull()).isTrue();
        JsonNode mailHistory = entries(api, manager, mail);
        assertThat(mailHistory.get(mailHistory.size() - 1).get("causedBy").asLong()).isEqualTo(lead);
        // the request too; the company and the contact list the deal
        assertThat(api.as(manager, "GET", "/api/requests/" + request, null).body().get("contact").asLong())
                .isEqualTo(contact);
        assertThat(api.as(manager, "GET", "/api/deals?contact=" + contact, null).body().get("total").asLong())
                .isEqualTo(1);
        // the company's and the contact's histories show the conversion; the contact was not made again
        assertThat(events(api, owner, company)).containsExactly("CompanyCreated", "CompanyLeadConverted");
        assertThat(events(api, owner, contact)).containsExactly("ContactCreated", "ContactLeadConverted");
        JsonNode contactStep = entries(api, owner, contact).get(1);
        assertThat(contactStep.get("causedBy").asLong()).isEqualTo(lead);
        assertThat(contactStep.get("user").asText()).isEqualTo(manager);
        assertThat(events(api, manager, lead)).containsExactly("LeadCreated", "LeadConverted");
        // deleting the contact now takes the request and the deal with it (parts of the contact): the company's
        // owner sees the request; the deal, the converting manager's own, only as counted
        JsonNode preview = api.as(owner, "GET", "/api/contacts/" + contact + "/deletion-preview", null).body();
        assertThat(preview.get("objects").toString()).contains("\"id\":" + request);
        assertThat(preview.get("hidden").asInt()).as("the deal and the e-mail").isEqualTo(2);
        assertThat(api.as(manager, "GET", "/api/contacts/" + contact + "/deletion-preview", null).status())
                .isEqualTo(403);
    }

    @Test
    void deletingALeadClearsItsRequestsLeadAsAChangeCausedByItAndARestoreLeavesThemSo() {
        Api api = api();
        String manager = api.newUser("ldr", "manager");
        String u = unique();
        String email = "rey@del-" + u + ".test";
        long lead = id(api.as(manager, "POST", "/api/leads", Map.of("lastName", "Rey" + u, "email", email)));
        long request = id(api.as(manager, "POST", "/api/requests", Map.of("subject", "Hello " + u, "email", email)));
        assertThat(api.as(manager, "GET", "/api/requests/" + request, null).body().get("lead").asLong())
                .isEqualTo(lead);

        // the preview lists only the lead: its requests stay
        JsonNode preview = api.as(manager, "GET", "/api/leads/" + lead + "/deletion-preview", null).body();
        assertThat(preview.toString()).doesNotContain("\"id\":" + request);
        assertThat(api.as(manager, "DELETE", "/api/leads/" + lead, null).status()).isEqualTo(204);
        JsonNode kept = api.as(manager, "GET", "/api/requests/" + request, null).body();
        assertThat(kept.get("lead").isNull()).as("no link to a deleted lead").isTrue();
        JsonNode requestHistory = entries(api, manager, request);
        JsonNode cleared = requestHistory.get(requestHistory.size() - 1);
        assertThat(cleared.get("event").asText()).isEqualTo("RequestChanged");
        assertThat(cleared.get("causedBy").asLong()).isEqualTo(lead);
        assertThat(cleared.get("user").asText()).isEqualTo(manager);
        assertThat(cleared.get("changes").toString()).contains("\"field\":\"lead\"", "\"from\":\"" + lead + "\"",
                "\"to\":null");
        assertThat(api.as(manager, "GET", "/api/requests?q=Hello%20" + u, null).body().get("total").asLong())
                .isEqualTo(1);

        // restored, the lead is back; the request stays as it is (its history says why), to be linked again by hand
        assertThat(api.as("admin", "POST", "/api/objects/" + lead + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/leads/" + lead, null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/requests/" + request, null).body().get("lead").isNull()).isTrue();
        assertThat(api.as(manager, "PATCH", "/api/requests/" + request, Map.of("lead", lead)).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/requests/" + request, null).body().get("lead").asLong())
                .isEqualTo(lead);
    }
}
