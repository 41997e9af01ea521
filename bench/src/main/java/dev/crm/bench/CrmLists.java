package dev.crm.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The CRM kinds' list reads the benchmark times (issue 14): for each kind the filters and sorts its list page
 * offers, as the chief (who sees every object) and as a manager or operator (whose list is the matrix's own or
 * department rule, or, where the matrix lets them see all, their department's), a text search on a common and
 * a rare word, and the search bar over every kind. Each is a page of 50 rows, a random one of the first 20
 * where the list is long.
 */
final class CrmLists {

    /** One timed read: the table's figure, who asks, the request's path (new for each sample). */
    record Case(String figure, Client client, Supplier<String> path) {
    }

    private CrmLists() {
    }

    static List<Case> cases(Client chief, Client manager, Client operator, CrmLoader.People people,
                            CrmLoader.Loaded loaded) {
        String common = Loader.COMMON_WORD;
        String rare = Loader.RARE_WORD;
        List<Case> cases = new ArrayList<>();
        Supplier<Long> stage = () -> loaded.stages().get(ThreadLocalRandom.current().nextInt(loaded.stages().size()));
        Supplier<Long> company = () -> loaded.id("companies", ThreadLocalRandom.current().nextInt(loaded.perKind()));
        cases.add(new Case("list page: companies by name, 50 rows, chief", chief,
                () -> "/api/companies?sort=name" + page()));
        cases.add(new Case("list page: companies, text '" + common + "' (1 in 10), 50 rows, chief", chief,
                () -> "/api/companies?q=" + common + "&size=50"));
        cases.add(new Case("list page: companies, text '" + rare + "' (1 in 10,000), 50 rows, chief", chief,
                () -> "/api/companies?q=" + rare + "&size=50"));
        cases.add(new Case("list page: contacts of a company, 50 rows, chief", chief,
                () -> "/api/contacts?company=" + company.get() + "&size=50"));
        cases.add(new Case("list page: contacts by last name, 50 rows, manager", manager,
                () -> "/api/contacts?sort=lastName" + page()));
        cases.add(new Case("list page: leads by company name, 50 rows, chief", chief,
                () -> "/api/leads?sort=companyName" + page()));
        cases.add(new Case("list page: leads of my department, newest first, 50 rows, operator", operator,
                () -> "/api/leads?department=" + people.departments().get(0) + page()));
        cases.add(new Case("list page: requests pending, 50 rows, chief", chief,
                () -> "/api/requests?pending=true" + page()));
        cases.add(new Case("list page: requests, 50 rows, operator (department rule)", operator,
                () -> "/api/requests?sort=-updatedAt" + page()));
        cases.add(new Case("list page: requests pending, 50 rows, operator (department rule)", operator,
                () -> "/api/requests?pending=true" + page()));
        cases.add(new Case("list page: requests, text '" + common + "', 50 rows, operator (department rule)", operator,
                () -> "/api/requests?q=" + common + "&size=50"));
        cases.add(new Case("list page: deals of a stage by amount, descending, 50 rows, chief", chief,
                () -> "/api/deals?stage=" + stage.get() + "&sort=-amount" + page()));
        cases.add(new Case("list page: deals by next step date, 50 rows, manager (own rule)", manager,
                () -> "/api/deals?sort=nextStepDate" + page()));
        cases.add(new Case("list page: deals of a stage, 50 rows, operator (department rule)", operator,
                () -> "/api/deals?stage=" + stage.get() + page()));
        cases.add(new Case("list page: deals, text '" + common + "', 50 rows, manager (own rule)", manager,
                () -> "/api/deals?q=" + common + "&size=50"));
        cases.add(new Case("list page: deals, text '" + rare + "', 50 rows, chief", chief,
                () -> "/api/deals?q=" + rare + "&size=50"));
        cases.add(new Case("list page: payments received, latest date first, 50 rows, chief", chief,
                () -> "/api/payments?status=received&sort=-date" + page()));
        cases.add(new Case("list page: payments, 50 rows, manager (own rule)", manager,
                () -> "/api/payments?sort=-updatedAt" + page()));
        cases.add(new Case("list page: products on sale by name, 50 rows, chief", chief,
                () -> "/api/products?onSale=true&sort=name" + page()));
        cases.add(new Case("list page: products 100–200 EUR by price, 50 rows, manager (department rule)", manager,
                () -> "/api/products?minPrice=100&maxPrice=200&sort=price" + page()));
        cases.add(new Case("search bar `GET /api/search?q=" + common + "` (every kind), chief", chief,
                () -> "/api/search?q=" + common));
        cases.add(new Case("search bar `GET /api/search?q=" + rare + "` (every kind), chief", chief,
                () -> "/api/search?q=" + rare));
        cases.add(new Case("search bar `GET /api/search?q=" + common + "` (every kind), manager", manager,
                () -> "/api/search?q=" + common));
        // the analytics reports (issue 16), the default period (the last 365 days: about half the loaded payments)
        for (String report : List.of("income", "sales", "requests", "lead-sources", "conversion", "closing-reasons",
                "deals", "funnel")) {
            cases.add(new Case("report `" + report + "`, last 365 days, chief", chief,
                    () -> "/api/analytics/" + report));
        }
        cases.add(new Case("report `income`, last 365 days, manager (their departments)", manager,
                () -> "/api/analytics/income"));
        return cases;
    }

    private static String page() {
        return "&size=50&page=" + ThreadLocalRandom.current().nextInt(20);
    }
}
