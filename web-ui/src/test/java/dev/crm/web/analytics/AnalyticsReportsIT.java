package dev.crm.web.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crm.app.ObjectIds;
import dev.crm.app.analytics.AnalyticsLag;
import dev.crm.app.analytics.AnalyticsProjection;
import dev.crm.app.analytics.AnalyticsService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.access.AnalyticsAccess.Report;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports' numbers from known events ({@link AnalyticsScenario}), fed through the real tracking processor on
 * PostgreSQL; an event handled twice changes nothing; a replay (the processor's token reset) gives the same numbers.
 */
@CrmIntegrationTest
class AnalyticsReportsIT {

    static final LocalDate YEAR_FROM = LocalDate.parse("2026-01-01");
    static final LocalDate YEAR_TO = LocalDate.parse("2026-12-31");
    static final Actor ADMIN = Actor.of("admin", Role.ADMIN);

    @LocalServerPort
    int port;
    @Autowired
    EventStore store;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ObjectIds ids;
    @Autowired
    AnalyticsService analytics;
    @Autowired
    AnalyticsLag lag;
    @Autowired
    AnalyticsProjection projection;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    AnalyticsScenario scenario() {
        Api api = new Api(port);
        long department = AnalyticsScenario.department(api, "Numbers");
        String owner = api.newUser("numbers", "manager");
        AnalyticsScenario scenario = new AnalyticsScenario(store, transactions, ids, department, owner,
                ZoneId.of(AnalyticsScenario.ZONE));
        AnalyticsScenario.caughtUp(lag);
        return scenario;
    }

    JsonNode report(Report report, long department, LocalDate from, LocalDate to) {
        return json.valueToTree(analytics.run(ADMIN, report.path(), from, to, department, null).json());
    }

    static BigDecimal money(JsonNode node) {
        return node.decimalValue();
    }

    @Test
    void everyReportCountsTheKnownEvents() {
        AnalyticsScenario s = scenario();
        long d = s.department;

        JsonNode income = report(Report.INCOME, d, YEAR_FROM, YEAR_TO);
        assertThat(income.get("currency").asText()).isNotEmpty();
        assertThat(income.get("lag").asLong()).isZero();
        assertThat(income.get("asOf").asText()).isNotEmpty();
        assertThat(money(income.get("received"))).isEqualByComparingTo("665"); // 150 + 200 + 300 + 15
        Map<String, BigDecimal> months = new LinkedHashMap<>();
        income.get("months").forEach(m -> months.put(m.get("month").asText(), money(m.get("received"))));
        assertThat(months).hasSize(12);
        assertThat(months.get("2026-02")).isEqualByComparingTo("150"); // 100 A at 1.5
        assertThat(months.get("2026-05")).isEqualByComparingTo("200"); // 100 B at 2: the rate of 31 May
        assertThat(months.get("2026-06")).isEqualByComparingTo("300"); // 100 B at 3, changed on 1 June
        assertThat(months.get("2026-10")).as("23:30Z on 31 October is November in Berlin").isEqualByComparingTo("0");
        assertThat(months.get("2026-11")).isEqualByComparingTo("15");
        JsonNode forecast = income.get("forecast");
        assertThat(forecast).hasSize(3);
        assertThat(forecast.get(1).get("month").asText()).isEqualTo(s.nextMonth.toString().substring(0, 7));
        assertThat(money(forecast.get(1).get("guaranteed"))).as("at B's current rate").isEqualByComparingTo("300");
        assertThat(money(forecast.get(0).get("guaranteed"))).isEqualByComparingTo("0");

        JsonNode sales = report(Report.SALES, d, YEAR_FROM, YEAR_TO);
        assertThat(sales.get("items")).hasSize(1);
        assertThat(sales.get("items").get(0).get("product").asText()).isEqualTo(s.product);
        assertThat(sales.get("items").get(0).get("quantity").asLong()).isEqualTo(2);
        // two at 40 B, at the rate of the day of the deal's last payment (1 November: 3)
        assertThat(money(sales.get("items").get(0).get("amount"))).isEqualByComparingTo("240");
        assertThat(money(sales.get("total"))).isEqualByComparingTo("240");

        JsonNode requests = report(Report.REQUESTS, d, YEAR_FROM, YEAR_TO);
        assertThat(requests.get("total").asLong()).as("the duplicate and the case left out").isEqualTo(2);
        assertThat(requests.get("primary").asLong()).isEqualTo(1);
        assertThat(requests.get("subsequent").asLong()).isEqualTo(1);
        assertThat(requests.get("converted").asLong()).isEqualTo(1);
        JsonNode november = report(Report.REQUESTS, d, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30"));
        assertThat(november.get("total").asLong()).as("received 2026-10-31T23:30Z").isEqualTo(1);
        JsonNode october = report(Report.REQUESTS, d, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
        assertThat(october.get("total").asLong()).isZero();

        JsonNode sources = report(Report.LEAD_SOURCES, d, YEAR_FROM, YEAR_TO);
        assertThat(sources.get("sources")).hasSize(2);
        assertThat(sources.get("sources").get(0).get("source").asText()).isEqualTo(s.source);
        assertThat(sources.get("sources").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(money(sources.get("sources").get(0).get("percent"))).isEqualByComparingTo("50");
        assertThat(sources.get("sources").get(1).get("source").asText()).isEqualTo("not specified");
        assertThat(sources.get("sources").get(1).get("count").asLong()).isEqualTo(1);

        JsonNode conversion = report(Report.CONVERSION, d, YEAR_FROM, YEAR_TO);
        assertThat(conversion.get("requests").asLong()).isEqualTo(2);
        assertThat(conversion.get("won").asLong()).isEqualTo(1);
        assertThat(money(conversion.get("percent"))).isEqualByComparingTo("50");

        JsonNode reasons = report(Report.CLOSING_REASONS, d, YEAR_FROM, YEAR_TO);
        assertThat(reasons.get("reasons")).hasSize(2);
        assertThat(reasons.get("reasons").get(0).get("reason").asText()).isEqualTo(s.reasonWon);
        assertThat(reasons.get("reasons").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(money(reasons.get("reasons").get(0).get("percent"))).isEqualByComparingTo("66.7");
        assertThat(reasons.get("reasons").get(1).get("reason").asText()).isEqualTo(s.reasonLost);
        assertThat(money(reasons.get("reasons").get(1).get("percent"))).isEqualByComparingTo("33.3");
        JsonNode novemberReasons = report(Report.CLOSING_REASONS, d, LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"));
        assertThat(novemberReasons.get("reasons")).hasSize(1);
        assertThat(novemberReasons.get("reasons").get(0).get("reason").asText()).isEqualTo(s.reasonLost);

        JsonNode deals = report(Report.DEALS, d, YEAR_FROM, YEAR_TO);
        assertThat(deals.get("total").asLong()).isEqualTo(4);
        assertThat(deals.get("open").asLong()).isEqualTo(1);
        assertThat(deals.get("won").asLong()).isEqualTo(2);
        assertThat(deals.get("lost").asLong()).isEqualTo(1);
        assertThat(money(deals.get("averageDaysToWin"))).isEqualByComparingTo("15"); // 10 and 20 days

        JsonNode funnel = report(Report.FUNNEL, d, YEAR_FROM, YEAR_TO);
        List<String> names = funnel.get("stages").findValuesAsText("stage");
        assertThat(names).containsSubsequence(s.stageOffer, s.stageWon);
        Map<String, Long> byStage = new LinkedHashMap<>();
        funnel.get("stages").forEach(st -> byStage.put(st.get("stage").asText(), st.get("count").asLong()));
        assertThat(byStage.get(s.stageOffer)).as("the lost deal, closed at the offer").isEqualTo(1);
        assertThat(byStage.get(s.stageWon)).as("the won deals, moved to the success stage first").isEqualTo(2);
        assertThat(funnel.get("total").asLong()).isEqualTo(3);

        // the owner filter: another owner has none of these
        JsonNode others = json.valueToTree(analytics.run(ADMIN, "deals", YEAR_FROM, YEAR_TO, d, "nobody").json());
        assertThat(others.get("total").asLong()).isZero();
    }

    @Test
    void theDepartmentsTimeZoneCutsItsMonths() {
        AnalyticsScenario s = scenario();
        LocalDate octoberFirst = LocalDate.parse("2026-10-01");
        LocalDate octoberLast = LocalDate.parse("2026-10-31");
        LocalDate novemberFirst = LocalDate.parse("2026-11-01");
        LocalDate novemberLast = LocalDate.parse("2026-11-30");
        assertThat(report(Report.REQUESTS, s.department, novemberFirst, novemberLast).get("total").asLong())
                .as("2026-10-31T23:30Z is 1 November in Berlin").isEqualTo(1);
        Api.Response zoned = new Api(port).as("admin", "PATCH", "/api/admin/departments/" + s.department,
                Map.of("timeZone", "America/New_York"));
        assertThat(zoned.status()).as(zoned.text()).isEqualTo(200);
        assertThat(report(Report.REQUESTS, s.department, octoberFirst, octoberLast).get("total").asLong())
                .as("and 31 October, 19:30, in New York").isEqualTo(1);
        assertThat(report(Report.REQUESTS, s.department, novemberFirst, novemberLast).get("total").asLong()).isZero();
        assertThat(report(Report.REQUESTS, s.department, octoberFirst, octoberLast).get("zone").asText())
                .isEqualTo("America/New_York");
    }

    @Test
    void anEventHandledTwiceChangesNothing() {
        AnalyticsScenario s = scenario();
        Map<Report, JsonNode> before = all(s.department);
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(t -> {
            for (DomainEventMessage<?> event : s.events) {
                try {
                    handlers.handle(event);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        assertThat(all(s.department)).isEqualTo(before);
    }

    @Test
    void aReplayIntoEmptiedTablesGivesTheSameNumbers() {
        AnalyticsScenario s = scenario();
        Map<Report, JsonNode> before = all(s.department);
        assertThat(before.get(Report.INCOME).get("received").decimalValue()).isEqualByComparingTo("665");
        // a row no event made: a rebuild empties the tables, so it goes
        jdbc.update("INSERT INTO anl_request (id, department, owner, received_at, version) VALUES (?, ?, ?, ?, 1)",
                -System.nanoTime(), s.department, s.owner, java.sql.Timestamp.from(java.time.Instant.parse(
                        "2026-07-01T12:00:00Z")));
        assertThat(report(Report.REQUESTS, s.department, YEAR_FROM, YEAR_TO).get("total").asLong()).isEqualTo(3);
        Api.Response started = new Api(port).as("admin", "POST", "/api/admin/analytics/rebuild", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> lag.now().events() == 0);
        assertThat(all(s.department)).isEqualTo(before);
    }

    /** Every report of the department for 2026, without the lag fields (they say when, not what). */
    Map<Report, JsonNode> all(long department) {
        Map<Report, JsonNode> all = new LinkedHashMap<>();
        for (Report r : Report.values()) {
            ObjectNode node = (ObjectNode) report(r, department, YEAR_FROM, YEAR_TO);
            node.remove("lag");
            node.remove("asOf");
            all.put(r, node);
        }
        return all;
    }
}
