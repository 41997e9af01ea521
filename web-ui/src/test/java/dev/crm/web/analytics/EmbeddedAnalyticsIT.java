package dev.crm.web.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.ObjectIds;
import dev.crm.app.analytics.AnalyticsLag;
import dev.crm.web.CrmApplication;
import dev.crm.web.testsupport.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/** The reports on the embedded default (H2): the projection and every report's queries, with the same numbers. */
class EmbeddedAnalyticsIT {

    static final String YEAR = "from=2026-01-01&to=2026-12-31";

    @Test
    void everyReportAnswersOnTheEmbeddedDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-embedded-analytics");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CrmApplication.class).run(
                "--server.port=0", "--crm.data-dir=" + dataDir, "--crm.admin-password=" + Api.ADMIN_PASSWORD,
                "--spring.jmx.enabled=false", "--crm.time-zone=Europe/Berlin")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Embedded")).body()
                    .get("id").asLong();
            String owner = api.newUser("embedded", "manager");
            AnalyticsScenario s = new AnalyticsScenario(app.getBean(EventStore.class),
                    app.getBean(PlatformTransactionManager.class), app.getBean(ObjectIds.class), department, owner,
                    ZoneId.of("Europe/Berlin"));
            AnalyticsScenario.caughtUp(app.getBean(AnalyticsLag.class));
            String filter = "?" + YEAR + "&department=" + department;

            JsonNode income = ok(api.as("admin", "GET", "/api/analytics/income" + filter, null));
            assertThat(income.get("received").decimalValue()).isEqualByComparingTo("665");
            assertThat(income.get("months").get(10).get("received").decimalValue()).as("November")
                    .isEqualByComparingTo("15");
            assertThat(ok(api.as("admin", "GET", "/api/analytics/sales" + filter, null)).get("total").decimalValue())
                    .isEqualByComparingTo("240");
            assertThat(ok(api.as("admin", "GET", "/api/analytics/requests" + filter, null)).get("total").asLong())
                    .isEqualTo(2);
            assertThat(ok(api.as("admin", "GET", "/api/analytics/lead-sources" + filter, null)).get("sources"))
                    .hasSize(2);
            assertThat(ok(api.as("admin", "GET", "/api/analytics/conversion" + filter, null)).get("won").asLong())
                    .isEqualTo(1);
            assertThat(ok(api.as("admin", "GET", "/api/analytics/closing-reasons" + filter, null)).get("total")
                    .asLong()).isEqualTo(3);
            JsonNode deals = ok(api.as("admin", "GET", "/api/analytics/deals" + filter, null));
            assertThat(deals.get("won").asLong()).isEqualTo(2);
            assertThat(deals.get("averageDaysToWin").decimalValue()).isEqualByComparingTo("15");
            assertThat(ok(api.as("admin", "GET", "/api/analytics/funnel" + filter, null)).get("total").asLong())
                    .isEqualTo(3);
            assertThat(ok(api.as("admin", "GET", "/api/analytics/requests?from=2026-11-01&to=2026-11-30&department="
                    + department, null)).get("total").asLong()).isEqualTo(1);
        }
    }

    static JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }
}
