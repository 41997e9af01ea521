package dev.crm.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated clients send every field of their model, the ones the caller did not set as JSON null. Such a null
 * means "not given" for a field that cannot be emptied, and the request works as if it were absent.
 */
@CrmIntegrationTest
class UnsetFieldsIT {

    @LocalServerPort
    int port;

    @Test
    void aUserWithNullRolesAndDepartmentsIsAPlainUser() {
        Api api = new Api(port);
        Map<String, Object> body = new HashMap<>();
        body.put("username", "plain" + System.nanoTime() % 1_000_000);
        body.put("password", Api.PASSWORD);
        body.put("displayName", null);
        body.put("roles", null);
        body.put("departments", null);
        Api.Response made = api.as("admin", "POST", "/api/users", body);
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        assertThat(made.body().get("roles").toString()).isEqualTo("[\"co_worker\"]");
    }

    @Test
    void aChangeWithNullForFieldsThatCannotBeEmptiedLeavesThem() {
        Api api = new Api(port);
        String author = api.newUser("author");
        String to = api.newUser("to");
        long id = api.as(author, "POST", "/api/memos", Map.of("title", "Kept", "to", to)).body().get("id").asLong();
        Map<String, Object> change = new HashMap<>();
        change.put("title", null);
        change.put("draft", null);
        change.put("description", "new");
        Api.Response changed = api.as(author, "PATCH", "/api/memos/" + id, change);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("title").asText()).isEqualTo("Kept");
        assertThat(changed.body().get("description").asText()).isEqualTo("new");

        long task = api.as(author, "POST", "/api/tasks", Map.of("title", "Task kept", "responsible", List.of(author)))
                .body().get("id").asLong();
        Map<String, Object> taskChange = new HashMap<>();
        taskChange.put("title", null);
        taskChange.put("responsible", null);
        taskChange.put("priority", null);
        taskChange.put("stage", null);
        taskChange.put("nextStep", "call");
        Api.Response taskChanged = api.as(author, "PATCH", "/api/tasks/" + task, taskChange);
        assertThat(taskChanged.status()).as(taskChanged.text()).isEqualTo(200);
        assertThat(taskChanged.body().get("title").asText()).isEqualTo("Task kept");
        assertThat(taskChanged.body().get("responsible").toString()).isEqualTo("[\"" + author + "\"]");
        assertThat(taskChanged.body().get("nextStep").asText()).isEqualTo("call");
    }
}
