package dev.crm.web.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.replay.LiveRebuild;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** GET /api/admin/processors and the refusals of POST /api/admin/processors/{name}/rebuild. */
@CrmIntegrationTest
class ProcessorsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Value("${crm.mail.segments}")
    int mailSegments;

    private static JsonNode processor(Api.Response r, String name) {
        for (JsonNode p : r.body().get("items")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no processor " + name + " in " + r.text());
    }

    @Test
    void everyProcessorWithItsModePositionLagAndSegments() {
        Api api = new Api(port);
        String author = api.newUser("author");
        api.as(author, "POST", "/api/memos", Map.of("title", "Counted", "draft", true));
        long head = jdbc.queryForObject("SELECT MAX(globalindex) FROM domainevententry", Long.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Response r = api.as("admin", "GET", "/api/admin/processors", null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode memos = processor(r, "memos");
            assertThat(memos.get("mode").asText()).isEqualTo("subscribing");
            assertThat(memos.get("position").asLong()).isGreaterThanOrEqualTo(head);
            assertThat(memos.get("lag").asLong()).isZero();
            assertThat(memos.get("segments")).isEmpty();
            assertThat(memos.get("rebuildAs").asText()).isEqualTo("live");
            JsonNode analytics = processor(r, "analytics");
            assertThat(analytics.get("mode").asText()).isEqualTo("streaming");
            assertThat(analytics.get("rebuildAs").asText()).isEqualTo("reset");
            assertThat(analytics.get("segments")).hasSize(2);
            for (JsonNode segment : analytics.get("segments")) {
                assertThat(segment.get("segment").isInt()).isTrue();
                assertThat(segment.get("owner").asText()).isNotBlank();
                assertThat(segment.get("position").asLong()).isLessThanOrEqualTo(
                        memos.get("position").asLong());
            }
            // caught up: its position is the lowest of its segments', its lag what is left to the head
            assertThat(analytics.get("lag").asLong()).isEqualTo(memos.get("position").asLong()
                    - analytics.get("position").asLong());
            JsonNode sending = processor(r, "email-sending");
            assertThat(sending.get("mode").asText()).isEqualTo("streaming");
            assertThat(sending.get("rebuildAs").isNull()).isTrue();
            // the e-mail sender's segments (two since instances share them), each held by this instance
            assertThat(sending.get("segments")).hasSize(mailSegments);
        });
    }

    @Test
    void onlyAdminsSeeAndRebuildProcessors() {
        Api api = new Api(port);
        String chief = api.newUser("chief", "chief");
        assertThat(api.as(chief, "GET", "/api/admin/processors", null).status()).isEqualTo(403);
        Api.Response r = api.as(chief, "POST", "/api/admin/processors/memos/rebuild", null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.anonymous("GET", "/api/admin/processors").status()).isEqualTo(401);
    }

    @Test
    void anUnknownProcessorIsNotFoundAndTheSenderIsNoReadModel() {
        Api api = new Api(port);
        Api.Response unknown = api.as("admin", "POST", "/api/admin/processors/no-such-processor/rebuild", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.body().get("detail").asText()).contains("no-such-processor");

        Api.Response sending = api.as("admin", "POST", "/api/admin/processors/email-sending/rebuild", null);
        assertThat(sending.status()).isEqualTo(409);
        assertThat(sending.header("Content-Type")).startsWith("application/problem+json");
        assertThat(sending.body().get("detail").asText()).contains("email-sending");
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflict() {
        Api api = new Api(port);
        // a rebuild whose runner died and waits to be resumed (nothing resumes it in tests unless asked) is running
        jdbc.update("DELETE FROM crm_live_rebuild WHERE name = ?", LiveRebuild.READ_MODELS);
        jdbc.update("INSERT INTO crm_live_rebuild (name, state, position, gaps, done, run_done_from, processors, tables, "
                + "started_at, run_started_at, updated_at, owner) VALUES (?, 'replaying', 0, '', 0, 0, 'memos', 'memo_view', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'elsewhere')", LiveRebuild.READ_MODELS);
        try {
            Api.Response r = api.as("admin", "POST", "/api/admin/processors/tasks/rebuild", null);
            assertThat(r.status()).as(r.text()).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            JsonNode rebuild = processor(api.as("admin", "GET", "/api/admin/processors", null), "tasks").get("rebuild");
            assertThat(rebuild.get("state").asText()).isEqualTo("replaying");
            assertThat(rebuild.get("startedAt").asText()).isNotBlank();
            assertThat(rebuild.has("percent")).isTrue();
            assertThat(rebuild.has("etaSeconds")).isTrue();
            assertThat(rebuild.get("total").asLong()).isGreaterThan(0);
        } finally {
            jdbc.update("DELETE FROM crm_live_rebuild WHERE name = ?", LiveRebuild.READ_MODELS);
        }
    }
}
