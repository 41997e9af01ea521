package dev.crm.web.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.ObjectIds;
import dev.crm.app.analytics.AnalyticsLag;
import dev.crm.shared.access.AnalyticsAccess.Report;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;

/** The reports' API: who may see which report and which departments' numbers, CSV, filters, errors. */
@CrmIntegrationTest
class AnalyticsApiIT {

    static final String YEAR = "from=2026-01-01&to=2026-12-31";

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectIds ids;
    @Autowired
    AnalyticsLag lag;

    AnalyticsScenario scenario(Api api, String owner) {
        long department = AnalyticsScenario.department(api, "Figures");
        AnalyticsScenario scenario = new AnalyticsScenario(store, transactions, ids, department, owner,
                ZoneId.of(AnalyticsScenario.ZONE));
        AnalyticsScenario.caughtUp(lag);
        return scenario;
    }

    static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    @Test
    void chiefsAndManagersSeeTheReportsAccountantsIncomeOnlyOthersNone() {
        Api api = new Api(port);
        String manager = api.newUser("anlmgr", "manager");
        AnalyticsScenario s = scenario(api, manager);
        String operator = api.newUser("anlop", "operator");
        String accountant = api.newUser("anlacc", "accountant");
        String chief = api.newUser("anlchief", "chief");
        String coWorker = api.newUser("anlcow", "co_worker");

        for (Report r : Report.values()) {
            assertThat(api.as(chief, "GET", "/api/analytics/" + r.path(), null).status()).as(r.path()).isEqualTo(200);
            assertThat(api.as(manager, "GET", "/api/analytics/" + r.path(), null).status()).as(r.path()).isEqualTo(200);
            Api.Response refused = api.as(operator, "GET", "/api/analytics/" + r.path(), null);
            assertThat(refused.status()).as(r.path()).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.as(coWorker, "GET", "/api/analytics/" + r.path(), null).status()).isEqualTo(403);
            assertThat(api.as(accountant, "GET", "/api/analytics/" + r.path(), null).status())
                    .as(r.path()).isEqualTo(r == Report.INCOME ? 200 : 403);
        }
        // the accountant sees every department's income
        JsonNode income = ok(api.as(accountant, "GET", "/api/analytics/income?" + YEAR + "&department=" + s.department,
                null));
        assertThat(income.get("received").decimalValue()).isEqualByComparingTo("665");

        // a manager: their own departments only (and, without a filter, what they own)
        String outsider = api.newUser("anlout", "manager");
        assertThat(api.as(manager, "GET", "/api/analytics/deals?department=" + s.department, null).status())
                .as("not the manager's department").isEqualTo(403);
        assertThat(ok(api.as(manager, "GET", "/api/analytics/deals?" + YEAR, null)).get("total").asLong())
                .as("the deals they own").isEqualTo(4);
        assertThat(ok(api.as(outsider, "GET", "/api/analytics/deals?" + YEAR, null)).get("total").asLong())
                .as("another manager sees none of them").isZero();
        assertThat(api.as("admin", "PUT", "/api/users/" + outsider + "/departments",
                Map.of("departments", List.of(s.department))).status()).isEqualTo(200);
        JsonNode deals = ok(api.as(outsider, "GET", "/api/analytics/deals?" + YEAR + "&department=" + s.department,
                null));
        assertThat(deals.get("total").asLong()).as("now in the department").isEqualTo(4);
        assertThat(deals.get("department").asLong()).isEqualTo(s.department);

        // only admins rebuild
        assertThat(api.as(chief, "POST", "/api/admin/analytics/rebuild", null).status()).isEqualTo(403);
    }

    @Test
    void filtersPeriodsCsvAndErrors() {
        Api api = new Api(port);
        String owner = api.newUser("anlown", "manager");
        AnalyticsScenario s = scenario(api, owner);
        String chief = api.newUser("anlboss", "chief");
        String base = "/api/analytics/requests?" + YEAR + "&department=" + s.department;

        JsonNode requests = ok(api.as(chief, "GET", base, null));
        assertThat(requests.get("total").asLong()).isEqualTo(2);
        assertThat(requests.get("currency").isTextual()).isTrue();
        assertThat(requests.get("lag").isIntegralNumber()).isTrue();
        assertThat(requests.get("from").asText()).isEqualTo("2026-01-01");
        assertThat(ok(api.as(chief, "GET", base + "&owner=" + owner, null)).get("total").asLong()).isEqualTo(2);
        assertThat(ok(api.as(chief, "GET", base + "&owner=someone-else", null)).get("total").asLong()).isZero();
        assertThat(ok(api.as(chief, "GET", "/api/analytics/requests?from=2026-11-01&to=2026-11-30&department="
                + s.department, null)).get("total").asLong()).as("Berlin's November").isEqualTo(1);

        // the default period: the last 365 days up to today in the report's zone (all departments: the server's, UTC)
        JsonNode recent = ok(api.as(chief, "GET", "/api/analytics/funnel", null));
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(recent.get("to").asText()).isEqualTo(today.toString());
        assertThat(recent.get("from").asText()).isEqualTo(today.minusDays(364).toString());

        // CSV: the same table
        Api.Download csv = api.download(chief, base + "&format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("requests-");
        assertThat(new String(csv.bytes(), StandardCharsets.UTF_8).lines().toList())
                .containsExactly("measure,count", "total,2", "primary,1", "subsequent,1", "converted,1");
        Api.Download sources = api.download(chief, "/api/analytics/lead-sources?" + YEAR + "&department="
                + s.department + "&format=csv");
        assertThat(new String(sources.bytes(), StandardCharsets.UTF_8).lines().toList())
                .containsExactly("source,count,percent", s.source + ",1,50.0", "not specified,1,50.0");

        // errors, as problem+json
        Api.Response unknown = api.as(chief, "GET", "/api/analytics/profits", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.as(chief, "GET", base + "&format=xml", null).status()).isEqualTo(400);
        assertThat(api.as(chief, "GET", "/api/analytics/deals?from=2026-05-01&to=2026-04-01", null).status())
                .isEqualTo(400);
        assertThat(api.as(chief, "GET", "/api/analytics/deals?from=yesterday", null).status()).isEqualTo(400);
    }
}
