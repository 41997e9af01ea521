package dev.crm.web.object;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives the API for every role × kind × action and compares each answer with the permission matrix
 * ({@link Permissions}): an action a role may take at all succeeds on the user's own object; an action
 * it may take on every object succeeds on someone else's too, and otherwise that object stays unknown
 * (404; 400 for an upload, whose target is a field of the body). Files follow the object they are
 * attached to; adding a part to a task or project (a subtask, a project's task) is changing it; users are
 * administered by admins only. Companies, contacts and products are someone else's when a manager without a
 * department made them.
 */
@CrmIntegrationTest
class PermissionMatrixIT {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    dev.crm.app.deal.DealService deals;

    /** {@code body}: a new object's fields for a user; {@code title}: the field its list's q searches. */
    record Kind(String kind, String path, java.util.function.Function<String, Map<String, Object>> body, String title,
                Map<String, Object> change) {

        Kind(String kind, String path, Map<String, Object> body, Map<String, Object> change) {
            this(kind, path, user -> body, "title", change);
        }
    }

    @Test
    void everyRoleKindAndActionIsAnsweredAsTheMatrixSays() {
        Api api = new Api(port);
        String stranger = api.newUser("mstranger");
        String recipient = api.newUser("mrecipient");
        // companies and contacts: someone else's are a manager's; a contact is added to the user's own company
        // (when they may add one), so that it is theirs as well
        String crmStranger = api.newUser("mcrm", "manager");
        Map<String, Long> companyOf = new java.util.HashMap<>();
        companyOf.put(crmStranger, api.as(crmStranger, "POST", "/api/companies", Map.of("name", "Matrix company"))
                .body().get("id").asLong());
        // e-mails are written from an object their writer sees: the user's own lead, or else the stranger's
        Map<String, Long> leadOf = new java.util.HashMap<>();
        leadOf.put(crmStranger, api.as(crmStranger, "POST", "/api/leads", Map.of("lastName", "Matrix lead"))
                .body().get("id").asLong());
        List<Kind> kinds = List.of(
                new Kind("memo", "/api/memos", Map.of("title", "Matrix memo", "to", recipient), Map.of("title", "x")),
                new Kind("task", "/api/tasks", Map.of("title", "Matrix task"), Map.of("title", "x")),
                new Kind("project", "/api/projects", Map.of("title", "Matrix project"), Map.of("title", "x")),
                new Kind("company", "/api/companies", u -> Map.of("name", "Matrix company"), "name",
                        Map.of("city", "x")),
                new Kind("contact", "/api/contacts", u -> Map.of("lastName", "Matrix contact", "company",
                        companyOf.getOrDefault(u, companyOf.get(crmStranger))), "lastName", Map.of("city", "x")),
                new Kind("lead", "/api/leads", u -> Map.of("lastName", "Matrix lead"), "lastName", Map.of("city", "x")),
                // requests: managers view all and change their own, never delete; operators their departments'
                new Kind("request", "/api/requests", u -> Map.of("subject", "Matrix request"), "subject",
                        Map.of("country", "x")),
                // products: "dept" rows; someone else's is a manager's without a department, so out of reach
                new Kind("product", "/api/products", u -> Map.of("name", "Matrix product", "price", 1,
                        "currency", "EUR"), "name", Map.of("category", "x")),
                // campaigns: managers their own, operators their departments', chiefs view all
                new Kind("campaign", "/api/campaigns", u -> Map.of("name", "Matrix campaign"), "name",
                        Map.of("subject", "x")),
                // e-mails: managers their own, operators their departments', chiefs view all
                new Kind("email", "/api/emails", u -> Map.of("subject", "Matrix e-mail", "lead",
                        leadOf.getOrDefault(u, leadOf.get(crmStranger))), "subject", Map.of("body", "x")));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Role role : Role.values()) {
            String user = role == Role.CO_WORKER ? api.newUser("mco") : api.newUser("m" + role.apiName().replace("_", ""),
                    role.apiName());
            Actor actor = Actor.of(user, role);
            Api.Response ownCompany = api.as(user, "POST", "/api/companies", Map.of("name", "Own company"));
            if (ownCompany.status() == 201) {
                companyOf.put(user, ownCompany.body().get("id").asLong());
            }
            Api.Response ownLead = api.as(user, "POST", "/api/leads", Map.of("lastName", "Own lead"));
            if (ownLead.status() == 201) {
                leadOf.put(user, ownLead.body().get("id").asLong());
            }
            for (Kind k : kinds) {
                // add
                Api.Response added = api.as(user, "POST", k.path(), k.body().apply(user));
                checked++;
                expect(mismatches, role, k.kind(), "add", Permissions.allows(actor, k.kind(), Action.ADD), added.status(),
                        201, 403);
                // someone else's object, which the rules do not give this user
                String mark = "Theirs" + System.nanoTime();
                String owner = k.title().equals("title") ? stranger : crmStranger;
                Map<String, Object> body = new java.util.HashMap<>(k.body().apply(owner));
                body.put(k.title(), mark);
                long theirs = api.as(owner, "POST", k.path(), body).body().get("id").asLong();
                boolean viewAll = Permissions.allowsAll(actor, k.kind(), Action.VIEW);
                checked++;
                long listed = api.as(user, "GET", k.path() + "?q=" + mark, null).body().get("total").asLong();
                expect(mismatches, role, k.kind(), "list other", viewAll, listed == 1 ? 200 : 404, 200, 404);
                checked++;
                expect(mismatches, role, k.kind(), "view other", viewAll,
                        api.as(user, "GET", k.path() + "/" + theirs, null).status(), 200, 404);
                checked++;
                expect(mismatches, role, k.kind(), "view other by ID", viewAll,
                        api.as(user, "GET", "/api/objects/" + theirs, null).status(), 200, 404);
                checked++;
                long found = api.as(user, "GET", "/api/search?q=ID" + theirs, null).body().get("items").size();
                expect(mismatches, role, k.kind(), "ID search other", viewAll, found == 1 ? 200 : 404, 200, 404);
                checked++;
                expect(mismatches, role, k.kind(), "history other", viewAll,
                        api.as(user, "GET", "/api/objects/" + theirs + "/history", null).status(), 200, 404);
                checked++;
                expect(mismatches, role, k.kind(), "change other", Permissions.allowsAll(actor, k.kind(), Action.CHANGE),
                        api.as(user, "PATCH", k.path() + "/" + theirs, k.change()).status(), 200, viewAll ? 403 : 404);
                // files follow the object: add one to someone else's object if you may change it
                checked++;
                expect(mismatches, role, k.kind(), "file on other", Permissions.allowsAll(actor, k.kind(), Action.CHANGE),
                        api.upload(user, theirs, "m.txt", "text/plain", "m".getBytes(StandardCharsets.UTF_8)).status(),
                        201, viewAll ? 403 : 400); // attachTo is a body field: an unknown object is a 400
                // a part (subtask; a project's task) in someone else's task or project: adding one is changing it
                if (k.kind().equals("task") || k.kind().equals("project")) {
                    checked++;
                    expect(mismatches, role, k.kind(), "add part to other",
                            Permissions.allowsAll(actor, k.kind(), Action.CHANGE),
                            api.as(user, "POST", "/api/tasks", Map.of("title", "Matrix part",
                                    k.kind().equals("task") ? "parent" : "project", theirs)).status(),
                            201, viewAll ? 403 : 400); // the container is a body field: an unknown one is a 400
                }
                // converting a lead: changing it, and adding a company and a contact
                if (k.kind().equals("lead")) {
                    checked++;
                    expect(mismatches, role, k.kind(), "convert other",
                            Permissions.allowsAll(actor, k.kind(), Action.CHANGE)
                                    && Permissions.allows(actor, "company", Action.ADD)
                                    && Permissions.allows(actor, "contact", Action.ADD),
                            api.as(user, "POST", k.path() + "/" + theirs + "/convert", null).status(),
                            200, viewAll ? 403 : 404);
                }
                // a request's "create deal": changing it (and adding the lead it makes)
                if (k.kind().equals("request")) {
                    checked++;
                    expect(mismatches, role, k.kind(), "create deal other",
                            Permissions.allowsAll(actor, k.kind(), Action.CHANGE),
                            api.as(user, "POST", k.path() + "/" + theirs + "/deal", null).status(),
                            201, viewAll ? 403 : 404);
                }
                checked++;
                expect(mismatches, role, k.kind(), "delete other", Permissions.allowsAll(actor, k.kind(), Action.DELETE),
                        api.as(user, "DELETE", k.path() + "/" + theirs, null).status(), 204, viewAll ? 403 : 404);
                if (added.status() == 201) {
                    long own = added.body().get("id").asLong();
                    checked++;
                    expect(mismatches, role, k.kind(), "view own", Permissions.allows(actor, k.kind(), Action.VIEW),
                            api.as(user, "GET", k.path() + "/" + own, null).status(), 200, 404);
                    checked++;
                    expect(mismatches, role, k.kind(), "change own", Permissions.allows(actor, k.kind(), Action.CHANGE),
                            api.as(user, "PATCH", k.path() + "/" + own, k.change()).status(), 200, 403);
                    checked++;
                    expect(mismatches, role, k.kind(), "delete own", Permissions.allows(actor, k.kind(), Action.DELETE),
                            api.as(user, "DELETE", k.path() + "/" + own, null).status(), 204, 403);
                }
            }
            // users: administered by admins only
            checked++;
            expect(mismatches, role, "user", "add", Permissions.allows(actor, "user", Action.ADD),
                    api.as(user, "POST", "/api/users", Map.of("username", "u" + System.nanoTime(),
                            "password", Api.PASSWORD, "roles", List.of())).status(), 201, 403);
            checked++;
            expect(mismatches, role, "user", "change", Permissions.allows(actor, "user", Action.CHANGE),
                    api.as(user, "PUT", "/api/users/" + recipient + "/roles", Map.of("roles", List.of())).status(),
                    200, 403);
        }
        assertThat(checked).isGreaterThan(200);
        assertThat(mismatches).isEmpty();
    }

    /**
     * Deals and payments: a deal is made through the service (a request's "create deal", who may change deals);
     * someone else's is a manager's without a department; payments follow their deal ("own deals").
     */
    @Test
    void dealsAndPaymentsAreAnsweredAsTheMatrixSays() {
        Api api = new Api(port);
        String crmStranger = api.newUser("mdeal", "manager");
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Role role : Role.values()) {
            String user = role == Role.CO_WORKER ? api.newUser("mdco") : api.newUser("md" + role.apiName()
                    .replace("_", ""), role.apiName());
            Actor actor = Actor.of(user, role);
            // own: made through the service
            Long own = null;
            int made;
            try {
                own = deals.create(actor, Map.of("name", "Matrix deal")).id();
                made = 201;
            } catch (dev.crm.command.Rejected.Forbidden e) {
                made = 403;
            }
            checked++;
            expect(mismatches, role, "deal", "make", Permissions.allows(actor, "deal", Action.CHANGE), made, 201, 403);
            // someone else's deal and its payment
            String mark = "Theirs" + System.nanoTime();
            long deal = deals.create(Actor.of(crmStranger, Role.MANAGER), Map.of("name", mark)).id();
            long payment = api.as(crmStranger, "POST", "/api/payments", Map.of("deal", deal, "amount", 1,
                    "currency", "EUR", "invoiceNumber", mark)).body().get("id").asLong();
            for (Object[] k : List.of(new Object[] {"deal", "/api/deals", deal, Map.of("nextStep", "x")},
                    new Object[] {"payment", "/api/payments", payment, Map.of("contractNumber", "x")})) {
                String kind = (String) k[0];
                String path = (String) k[1];
                long theirs = (Long) k[2];
                boolean viewAll = Permissions.allowsAll(actor, kind, Action.VIEW);
                checked++;
                long listed = api.as(user, "GET", path + "?q=" + mark, null).body().get("total").asLong();
                expect(mismatches, role, kind, "list other", viewAll, listed == 1 ? 200 : 404, 200, 404);
                checked++;
                expect(mismatches, role, kind, "view other", viewAll,
                        api.as(user, "GET", path + "/" + theirs, null).status(), 200, 404);
                checked++;
                long found = api.as(user, "GET", "/api/search?q=ID" + theirs, null).body().get("items").size();
                expect(mismatches, role, kind, "ID search other", viewAll, found == 1 ? 200 : 404, 200, 404);
                checked++;
                expect(mismatches, role, kind, "history other", viewAll,
                        api.as(user, "GET", "/api/objects/" + theirs + "/history", null).status(), 200, 404);
                checked++;
                expect(mismatches, role, kind, "change other", Permissions.allowsAll(actor, kind, Action.CHANGE),
                        api.as(user, "PATCH", path + "/" + theirs, (Map<?, ?>) k[3]).status(), 200,
                        viewAll ? 403 : 404);
            }
            // a payment on someone else's deal: refused (403) unless the role may add payments; then the deal is
            // unknown to them (400: it is a field of the body) unless they reach every deal
            checked++;
            int addOther = api.as(user, "POST", "/api/payments", Map.of("deal", deal, "amount", 1, "currency", "EUR"))
                    .status();
            expect(mismatches, role, "payment", "add to other deal", Permissions.allowsAll(actor, "payment",
                    Action.ADD), addOther, 201, Permissions.allows(actor, "payment", Action.ADD) ? 400 : 403);
            checked++;
            expect(mismatches, role, "payment", "delete other", Permissions.allowsAll(actor, "payment", Action.DELETE),
                    api.as(user, "DELETE", "/api/payments/" + payment, null).status(), 204,
                    Permissions.allowsAll(actor, "payment", Action.VIEW) ? 403 : 404);
            checked++;
            expect(mismatches, role, "deal", "delete other", Permissions.allowsAll(actor, "deal", Action.DELETE),
                    api.as(user, "DELETE", "/api/deals/" + deal, null).status(), 204,
                    Permissions.allowsAll(actor, "deal", Action.VIEW) ? 403 : 404);
            if (own != null) {
                checked++;
                expect(mismatches, role, "deal", "view own", Permissions.allows(actor, "deal", Action.VIEW),
                        api.as(user, "GET", "/api/deals/" + own, null).status(), 200, 404);
                checked++;
                expect(mismatches, role, "deal", "change own", Permissions.allows(actor, "deal", Action.CHANGE),
                        api.as(user, "PATCH", "/api/deals/" + own, Map.of("nextStep", "y")).status(), 200, 403);
                checked++;
                Api.Response paid = api.as(user, "POST", "/api/payments", Map.of("deal", own, "amount", 2,
                        "currency", "EUR"));
                expect(mismatches, role, "payment", "add to own deal", Permissions.allows(actor, "payment", Action.ADD),
                        paid.status(), 201, 403);
                if (paid.status() == 201) {
                    long ownPayment = paid.body().get("id").asLong();
                    checked++;
                    expect(mismatches, role, "payment", "change own", Permissions.allows(actor, "payment",
                            Action.CHANGE), api.as(user, "PATCH", "/api/payments/" + ownPayment,
                            Map.of("contractNumber", "y")).status(), 200, 403);
                }
                checked++;
                expect(mismatches, role, "deal", "delete own", Permissions.allows(actor, "deal", Action.DELETE),
                        api.as(user, "DELETE", "/api/deals/" + own, null).status(), 204, 403);
            }
        }
        assertThat(checked).isGreaterThan(80);
        assertThat(mismatches).isEmpty();
    }

    private static void expect(List<String> mismatches, Role role, String kind, String what, boolean allowed, int status,
                               int success, int refusal) {
        int expected = allowed ? success : refusal;
        if (status != expected) {
            mismatches.add(role.apiName() + " " + kind + " " + what + ": expected " + expected + ", got " + status);
        }
    }
}
