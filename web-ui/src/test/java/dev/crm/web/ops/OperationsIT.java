package dev.crm.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What integrators and operators rely on: the OpenAPI description, health, metrics, and that nothing else is open. */
@CrmIntegrationTest
class OperationsIT {

    @LocalServerPort
    int port;

    @Test
    void openApiDescribesTheApiToSignedInUsers() {
        Api api = new Api(port);
        assertThat(api.anonymous("GET", "/v3/api-docs").status()).isEqualTo(401);
        Api.Response docs = api.as(api.newUser("integrator"), "GET", "/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/memos")).isTrue();
        assertThat(docs.body().get("paths").has("/api/objects/{id}/history")).isTrue();
        assertThat(docs.body().get("paths").has("/api/memos/{id}/review")).isTrue();
    }

    @Test
    void healthIsOpenAndMetricsAreForAdminsOnly() {
        Api api = new Api(port);
        Api.Response health = api.anonymous("GET", "/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        assertThat(api.anonymous("GET", "/actuator/metrics").status()).isEqualTo(401);
        assertThat(api.as(api.newUser("staff"), "GET", "/actuator/metrics", null).status()).isEqualTo(403);
        assertThat(api.as("admin", "GET", "/actuator/metrics", null).status()).isEqualTo(200);
    }

    @Test
    void pagesNeedASignedInUserAndTheApiAnswers401() {
        Api api = new Api(port);
        assertThat(api.anonymous("GET", "/memos").status()).isEqualTo(302);
        assertThat(api.anonymous("GET", "/swagger-ui.html").status()).isEqualTo(302);
        Api.Response unauthenticated = api.anonymous("GET", "/api/memos");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unauthenticated.header("WWW-Authenticate")).startsWith("Basic");
    }
}
