package dev.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads the CRM kinds' objects (companies, contacts, leads, products, requests, deals, payments) the way
 * {@link Loader} loads memos and tasks: one object of each kind is made through the API (a deal through its
 * request's "create deal"), and its stored creation event is copied, with a new ID, fields, owner, department,
 * event identifier and time, into the event store; the CRM's rebuilder then makes the read models of them.
 * The owners are managers of four departments; each object's department is its owner's, as the aggregates set
 * it. A contact belongs to a company and has its owner, a payment to a deal and has its owner, a deal names a
 * company and a contact.
 */
final class CrmLoader {

    /** The kinds, in the order they are loaded (a contact's company, a payment's deal first), by API path. */
    static final List<String> PATHS = List.of("companies", "contacts", "leads", "products", "requests", "deals",
            "payments");
    static final int DEPARTMENTS = 4;
    static final int MANAGERS = 20;
    private static final String[] FIRST = {"Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ida",
            "Jonas", "Klara", "Lukas", "Mia", "Noah", "Olga", "Paul", "Rosa", "Simon", "Tina", "Uwe"};
    private static final String[] LAST = {"Schmidt", "Meyer", "Weber", "Wagner", "Becker", "Hoffmann", "Koch",
            "Richter", "Klein", "Wolf", "Neumann", "Schwarz", "Braun", "Zimmermann", "Kraus", "Hartmann", "Lange",
            "Werner", "Krause", "Lehmann"};
    private static final String[] CITIES = {"Berlin", "Hamburg", "Munich", "Cologne", "Frankfurt", "Stuttgart",
            "Leipzig", "Dresden", "Bremen", "Hanover"};
    private static final String[] CATEGORIES = {"hardware", "software", "consulting", "training", "licences",
            "support", "cables", "storage", "network", "printing"};
    private static final String[] STATUSES = {"received", "guaranteed", "high_probability", "low_probability"};

    /** Who the objects belong to: the managers (their departments), an operator of the first department. */
    record People(List<Long> departments, List<String> managers, List<Long> managerDepartments, String operator) {
    }

    /** What was loaded: the first ID of each kind (by path; IDs of a kind are consecutive), the count per kind. */
    record Loaded(Map<String, Long> first, int perKind, List<Long> stages) {

        long id(String path, int index) {
            return first.get(path) + index;
        }
    }

    private CrmLoader() {
    }

    /** Makes the departments, the managers (each in one), an operator, as the admin. */
    static People people(Client admin) {
        List<Long> departments = new ArrayList<>();
        for (int d = 1; d <= DEPARTMENTS; d++) {
            Client.Response r = admin.send("POST", "/api/admin/departments", Map.of("name", "Sales " + d), Map.of());
            departments.add(r.id());
        }
        List<String> managers = new ArrayList<>();
        List<Long> of = new ArrayList<>();
        for (int m = 0; m < MANAGERS; m++) {
            long department = departments.get(m % DEPARTMENTS);
            managers.add(admin.newUser("sales" + (m + 1), List.of(department), "manager").username);
            of.add(department);
        }
        String operator = admin.newUser("operator1", List.of(departments.get(0)), "operator").username;
        return new People(departments, managers, of, operator);
    }

    /** One object of each kind made through the API by the first manager; its creation event, by path. */
    static Map<String, Loader.StoredEvent> templates(String dbUrl, Client manager) throws SQLException, IOException {
        Map<String, Long> ids = new LinkedHashMap<>();
        ids.put("companies", created(manager.send("POST", "/api/companies", Map.of("name", "Template company"),
                Map.of())));
        ids.put("contacts", created(manager.send("POST", "/api/contacts", Map.of("firstName", "Template",
                "lastName", "Contact", "company", ids.get("companies")), Map.of())));
        ids.put("leads", created(manager.send("POST", "/api/leads", Map.of("firstName", "Template",
                "lastName", "Lead", "companyName", "Template firm"), Map.of())));
        ids.put("products", created(manager.send("POST", "/api/products", Map.of("name", "Template product",
                "price", 10, "currency", "EUR"), Map.of())));
        ids.put("requests", created(manager.send("POST", "/api/requests", Map.of("subject", "Template request",
                "firstName", "Template", "lastName", "Request"), Map.of())));
        // its creation event stays as it was made; the deal's is the template of the deals
        ids.put("deals", created(manager.send("POST", "/api/requests/" + ids.get("requests") + "/deal", null,
                Map.of())));
        ids.put("payments", created(manager.send("POST", "/api/payments", Map.of("deal", ids.get("deals"),
                "amount", 100, "currency", "EUR", "date", "2026-11-30"), Map.of())));
        Map<String, Loader.StoredEvent> templates = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : ids.entrySet()) {
            templates.put(e.getKey(), Loader.creationEvent(dbUrl, e.getValue()));
        }
        return templates;
    }

    private static long created(Client.Response r) {
        if (r.status() != 201) {
            throw new IllegalStateException("cannot make a template: " + r.status() + " " + r.text());
        }
        return r.id();
    }

    /** The IDs of the stages (the admin's list). */
    static List<Long> stages(Client admin) {
        List<Long> stages = new ArrayList<>();
        for (JsonNode s : admin.get("/api/admin/stages").body().get("items")) {
            stages.add(s.get("id").asLong());
        }
        return stages;
    }

    /** Appends {@code perKind} objects of each kind, copies of the templates; takes the IDs from the CRM's sequence. */
    static Loaded load(String dbUrl, Map<String, Loader.StoredEvent> templates, People people, List<Long> stages,
                       int perKind) throws SQLException, IOException {
        try (Connection c = Pg.connect(dbUrl)) {
            long first;
            int count = perKind * PATHS.size();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('crm_object_id')")) {
                rs.next();
                first = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('crm_object_id', " + (first + count) + ")");
            }
            Map<String, Long> firsts = new LinkedHashMap<>();
            for (int k = 0; k < PATHS.size(); k++) {
                firsts.put(PATHS.get(k), first + (long) k * perKind);
            }
            Loaded loaded = new Loaded(firsts, perKind, stages);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(Loader.COPY);
            Instant base = Instant.now().minusSeconds(count / 1000 + 1);
            Loader.ByteBuf line = new Loader.ByteBuf(1 << 20);
            int t = 0;
            for (String path : PATHS) {
                Loader.StoredEvent template = templates.get(path);
                String idName = idComponent(template.payload());
                for (int i = 0; i < perKind; i++) {
                    ObjectNode payload = template.payload().deepCopy();
                    ObjectNode fields = (ObjectNode) payload.get("fields");
                    // the object it goes with decides its owner (a contact's company, a payment's deal)
                    int owner = fill(path, i, fields, payload, loaded) % MANAGERS;
                    payload.put(idName, loaded.id(path, i));
                    payload.put("owner", people.managers().get(owner));
                    payload.put("department", people.managerDepartments().get(owner));
                    ObjectNode meta = template.metaData().deepCopy();
                    meta.put("username", people.managers().get(owner));
                    meta.remove("causedBy"); // the template deal was made by its request
                    for (String key : List.of("traceId", "correlationId")) {
                        if (meta.has(key)) {
                            meta.put(key, UUID.randomUUID().toString());
                        }
                    }
                    Loader.line(copy, line, loaded.id(path, i), template, meta, payload, base.plusMillis(t++));
                }
            }
            copy.writeToCopy(line.bytes, 0, line.size);
            copy.endCopy();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE domainevententry");
            }
            return loaded;
        }
    }

    /** The payload's object ID component ({@code companyId}, …). */
    private static String idComponent(ObjectNode payload) {
        for (var names = payload.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.endsWith("Id")) {
                return name;
            }
        }
        throw new IllegalStateException("no ID in " + payload);
    }

    /**
     * The fields of the {@code i}th object of the kind; answers the index of the object whose owner it takes (its
     * own, its company's, its deal's). Names, subjects and deal names have a word of {@link Loader#WORDS} (each in
     * one in ten) and one in 10,000 the rare word. Values that filters select on go by {@code i / MANAGERS}, not
     * {@code i}, so that they do not follow the owner ({@code i % MANAGERS}): every owner and department has
     * every value, as a list filtered and ruled by the viewer would meet them.
     */
    private static int fill(String path, int i, ObjectNode fields, ObjectNode payload, Loaded loaded) {
        // the word does not follow the owner (i % MANAGERS), so each owner and department has every word
        String word = Loader.WORDS[(i / MANAGERS) % Loader.WORDS.length]
                + (i % 10_000 == 4_321 ? " and " + Loader.RARE_WORD : "");
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length] + (i % 97);
        String city = CITIES[(i / 7) % CITIES.length];
        int n = loaded.perKind();
        switch (path) {
            case "companies" -> {
                fields.put("name", "Company " + i + " " + word).put("type", i % 3 == 0 ? "partner" : "customer")
                        .put("industry", CATEGORIES[i % CATEGORIES.length]).put("country", "Germany").put("city", city)
                        .put("email", "info@company" + i + ".example").put("phone", "+49 30 " + (1_000_000 + i));
                return i;
            }
            case "contacts" -> {
                int company = (i * 7) % n;
                fields.put("firstName", first).put("lastName", last).put("jobTitle", "Buyer").put("city", city)
                        .put("email", first.toLowerCase() + "." + i + "@company" + company + ".example");
                payload.put("company", loaded.id("companies", company));
                return company;
            }
            case "leads" -> {
                fields.put("firstName", first).put("lastName", last).put("companyName", "Firm " + i + " " + word)
                        .put("country", "Germany").put("city", city).put("email", "lead" + i + "@firm.example");
                return i;
            }
            case "products" -> {
                fields.put("name", "Product " + i + " " + word)
                        .put("type", (i / MANAGERS) % 4 == 0 ? "service" : "goods")
                        .put("price", (i % 1_000) + ".50").put("currency", "EUR")
                        .put("category", CATEGORIES[(i / 3) % CATEGORIES.length])
                        .put("onSale", (i / MANAGERS) % 5 != 0 ? "true" : "false");
                return i;
            }
            case "requests" -> {
                fields.removeAll(); // not the template's links (its deal, lead)
                fields.put("subject", "Request " + i + " about the " + word).put("firstName", first)
                        .put("lastName", last).put("companyName", "Firm " + i).put("email", "req" + i + "@firm.example")
                        .put("pending", (i / MANAGERS) % 3 == 0 ? "true" : "false").put("duplicate", "false")
                        .put("case", "false")
                        .put("subsequent", "false").put("verificationRequired", "false");
                return i;
            }
            case "deals" -> {
                int company = i % n;
                fields.removeAll();
                fields.put("name", "Deal " + i + " " + word)
                        .put("stage", String.valueOf(loaded.stages().get((i / MANAGERS) % loaded.stages().size())))
                        .put("amount", (i % 100_000) + "").put("currency", "EUR").put("probability", (i % 11) * 10 + "")
                        .put("nextStepDate", LocalDate.of(2027, 1, 1).plusDays(i % 365).toString())
                        .put("company", String.valueOf(loaded.id("companies", company)))
                        .put("contact", String.valueOf(loaded.id("contacts", i % n)));
                return company;
            }
            case "payments" -> {
                int deal = (i * 3) % n;
                fields.put("amount", (i % 10_000) + ".25").put("currency", "EUR")
                        .put("date", LocalDate.of(2026, 1, 1).plusDays(i % 700).toString())
                        .put("status", STATUSES[(i / MANAGERS) % STATUSES.length]).put("contractNumber", "C-" + i)
                        .put("invoiceNumber", "INV-" + (100_000 + i));
                payload.put("deal", loaded.id("deals", deal));
                return deal % n; // a deal has its company's owner: index deal
            }
            default -> throw new IllegalArgumentException(path);
        }
    }
}
