package dev.crm.web.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Parts (subtasks, a project's tasks) and their containers: the people of a part see its containers, so
 * adding a part is changing the container, and only its holders name anyone on a part; the holders of a
 * container change and cancel its parts, so they can always close it.
 */
@CrmMockMvcTest
class PartsApiIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String owner;
    String responsible;
    String watcher;
    String outsider;

    @BeforeEach
    void users() {
        api = new Api(port);
        owner = api.newUser("howner");
        responsible = api.newUser("hresp");
        watcher = api.newUser("hwatch");
        outsider = api.newUser("hout");
    }

    private long create(String user, String path, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    /** A task of the owner's with a sole responsible user and a subscriber, and a file the outsider must not get. */
    private long mainTask(String path) {
        long id = create(owner, path, Map.of("title", "Confidential " + System.nanoTime(),
                "responsible", List.of(responsible), "subscribers", List.of(watcher)));
        api.upload(owner, id, "plan.txt", "text/plain", "the plan".getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private void outsiderSeesNothingOf(long id, String path) {
        assertThat(api.as(outsider, "GET", path + "/" + id, null).status()).isEqualTo(404);
        assertThat(api.as(outsider, "GET", "/api/objects/" + id + "/history", null).status()).isEqualTo(404);
        assertThat(api.as(outsider, "GET", "/api/files?attachedTo=" + id, null).body().get("items")).isEmpty();
    }

    @Test
    void whoOnlySeesATaskOrProjectCannotAddToItNorShareItThatWay() throws Exception {
        long main = mainTask("/api/tasks");
        Api.Response sub = api.as(watcher, "POST", "/api/tasks", Map.of("title", "Sneaky", "parent", main,
                "subscribers", List.of(outsider)));
        assertThat(sub.status()).as(sub.text()).isEqualTo(403);
        assertThat(api.as(watcher, "POST", "/api/tasks", Map.of("title", "Plain", "parent", main)).status())
                .isEqualTo(403);
        outsiderSeesNothingOf(main, "/api/tasks");

        long project = mainTask("/api/projects");
        assertThat(api.as(watcher, "POST", "/api/tasks", Map.of("title", "Sneaky", "project", project,
                "responsible", List.of(outsider))).status()).isEqualTo(403);
        outsiderSeesNothingOf(project, "/api/projects");

        // the pages agree: no button, and the form is refused
        String page = mvc.perform(get("/tasks/" + main).with(user(watcher))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).doesNotContain("id=\"task-add-subtask\"");
        mvc.perform(get("/tasks/new").param("parent", "" + main).with(user(watcher))).andExpect(status().isForbidden());
        String projectPage = mvc.perform(get("/projects/" + project).with(user(watcher))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(projectPage).doesNotContain("id=\"project-add-task\"");
        mvc.perform(get("/tasks/new").param("project", "" + project).with(user(watcher)))
                .andExpect(status().isForbidden());
        String ownersPage = mvc.perform(get("/tasks/" + main).with(user(owner))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(ownersPage).contains("id=\"task-add-subtask\"");
    }

    @Test
    void aSoleResponsibleUserPutsOnlyHimselfOrWhoSeesTheMainTaskOnItsSubtasks() throws Exception {
        long main = mainTask("/api/tasks");
        assertThat(api.as(responsible, "POST", "/api/tasks", Map.of("title", "Sub", "parent", main,
                "subscribers", List.of(outsider))).status()).isEqualTo(403);
        assertThat(api.as(responsible, "POST", "/api/tasks", Map.of("title", "Sub", "parent", main,
                "coOwner", outsider)).status()).isEqualTo(403);
        assertThat(api.as(responsible, "POST", "/api/tasks", Map.of("title", "Sub", "parent", main,
                "responsible", List.of(outsider))).status()).isEqualTo(403);
        outsiderSeesNothingOf(main, "/api/tasks");
        long sub = create(responsible, "/api/tasks", Map.of("title", "Sub", "parent", main,
                "subscribers", List.of(watcher)));

        // changing the subtask, or giving it away, is no way round
        assertThat(api.as(responsible, "PATCH", "/api/tasks/" + sub, Map.of("subscribers", List.of(watcher, outsider)))
                .status()).isEqualTo(403);
        assertThat(api.as(responsible, "PUT", "/api/tasks/" + sub + "/owner", Map.of("owner", outsider)).status())
                .isEqualTo(403);
        outsiderSeesNothingOf(main, "/api/tasks");

        // the form offers only those he may name
        String form = mvc.perform(get("/tasks/new").param("parent", "" + main).with(user(responsible)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"" + watcher + "\"").doesNotContain("value=\"" + outsider + "\"");

        // the main task's owner holds its parts: her say lets the outsider in
        assertThat(api.as(owner, "PATCH", "/api/tasks/" + sub, Map.of("subscribers", List.of(watcher, outsider)))
                .status()).isEqualTo(200);
        assertThat(api.as(outsider, "GET", "/api/tasks/" + main, null).status()).isEqualTo(200);
    }

    @Test
    void theOwnerOfAProjectCancelsATaskOthersPutInItAndCompletesTheProject() {
        long project = mainTask("/api/projects");
        // the project's sole responsible user may add to it; he keeps his task to himself as co-owner
        JsonNode task = api.as(responsible, "POST", "/api/tasks", Map.of("title", "My part", "project", project,
                "coOwner", responsible)).body();
        long part = task.get("id").asLong();
        assertThat(task.get("owner").asText()).isEqualTo(responsible);
        assertThat(api.as(owner, "POST", "/api/projects/" + project + "/complete", null).status()).isEqualTo(409);

        Api.Response canceled = api.as(owner, "PATCH", "/api/tasks/" + part, Map.of("stage", "canceled"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);
        assertThat(api.as(owner, "POST", "/api/projects/" + project + "/complete", null).status()).isEqualTo(200);
        // the subscriber of the project may still not touch it
        assertThat(api.as(watcher, "PATCH", "/api/tasks/" + part, Map.of("title", "x")).status()).isEqualTo(403);
    }

    @Test
    void aProjectsTaskGetsTheProjectsOwnerAsCoOwnerUnlessOneIsChosen() {
        String head = api.newUser("hhead");
        long department = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Parts " + System.nanoTime()))
                .body().get("id").asLong();
        for (String member : List.of(responsible, head)) {
            api.as("admin", "PUT", "/api/users/" + member + "/departments", Map.of("departments", List.of(department)));
        }
        api.as("admin", "PATCH", "/api/admin/departments/" + department, Map.of("head", head));
        long project = mainTask("/api/projects");
        Api.Response made = api.as(responsible, "POST", "/api/tasks", Map.of("title", "Step", "project", project));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        // not the creator's department head, who does not see the project and was named by nobody
        assertThat(made.body().get("coOwner").asText()).isEqualTo(owner);
        assertThat(api.as(head, "GET", "/api/projects/" + project, null).status()).isEqualTo(404);
    }
}
