package dev.crm.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.file.FileQueries;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Projects through the API on PostgreSQL: the task rules, tasks belonging to a project, cascades, memos. */
@CrmIntegrationTest
class ProjectApiIT {

    @LocalServerPort
    int port;
    @Autowired
    FileQueries files;
    Api api;
    String owner;
    String worker;

    @BeforeEach
    void users() {
        api = new Api(port);
        owner = api.newUser("powner");
        worker = api.newUser("pworker");
    }

    private JsonNode create(String user, String path, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", path, body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    private static List<Long> ids(JsonNode node) {
        return node.findValues("id").stream().map(JsonNode::asLong).toList();
    }

    @Test
    void aProjectIsItsOwnKindWithTheTaskFieldsAndItsOwnEvents() {
        Api.Response made = api.as(owner, "POST", "/api/projects", Map.of("title", "Launch", "priority", "high",
                "dueDate", "2026-12-31", "tags", List.of("q4")));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long id = made.body().get("id").asLong();
        assertThat(made.header("Location")).isEqualTo("/api/projects/" + id);
        assertThat(made.body().get("kind").asText()).isEqualTo("project");
        assertThat(made.body().has("parent")).isFalse();
        assertThat(made.body().has("project")).isFalse();
        assertThat(made.body().get("stage").asText()).isEqualTo("pending");

        // a project is not a task, and the other way round
        assertThat(api.as(owner, "GET", "/api/tasks/" + id, null).status()).isEqualTo(404);
        long task = create(owner, "/api/tasks", Map.of("title", "Plain")).get("id").asLong();
        assertThat(api.as(owner, "GET", "/api/projects/" + task, null).status()).isEqualTo(404);
        assertThat(ids(api.as(owner, "GET", "/api/projects?q=Launch", null).body().get("items"))).contains(id)
                .doesNotContain(task);
        assertThat(ids(api.as(owner, "GET", "/api/tasks", null).body().get("items"))).contains(task)
                .doesNotContain(id);
        // a project has no main task or project
        assertThat(api.as(owner, "POST", "/api/projects", Map.of("title", "x", "parent", task)).status())
                .isEqualTo(400);

        assertThat(api.as(owner, "PATCH", "/api/projects/" + id, Map.of("title", "Launch v2")).status()).isEqualTo(200);
        assertThat(api.as(owner, "POST", "/api/projects/" + id + "/complete", null).status()).isEqualTo(200);
        JsonNode history = api.as(owner, "GET", "/api/objects/" + id + "/history", null).body().get("entries");
        assertThat(history.findValuesAsText("event"))
                .containsExactly("ProjectCreated", "ProjectChanged", "ProjectStageChanged");
        assertThat(api.as(owner, "GET", "/api/objects/" + id, null).body().get("kind").asText()).isEqualTo("project");
    }

    @Test
    void tasksBelongToAProjectWhosePeopleSeeThemAndItWaitsForThem() {
        String stranger = api.newUser("pstranger");
        String mark = "Proj" + System.nanoTime();
        long project = create(owner, "/api/projects", Map.of("title", mark + " project")).get("id").asLong();
        JsonNode made = create(owner, "/api/tasks", Map.of("title", mark + " step", "project", project,
                "responsible", List.of(worker)));
        long task = made.get("id").asLong();
        assertThat(made.get("project").asLong()).isEqualTo(project);

        // the task's responsible user sees the project (not change it); the project's owner sees the task
        assertThat(api.as(worker, "GET", "/api/projects/" + project, null).status()).isEqualTo(200);
        assertThat(api.as(worker, "GET", "/api/projects?q=" + mark, null).body().get("total").asLong()).isEqualTo(1);
        assertThat(api.as(worker, "PATCH", "/api/projects/" + project, Map.of("title", "x")).status()).isEqualTo(403);
        assertThat(api.as(owner, "GET", "/api/tasks/" + task, null).status()).isEqualTo(200);
        // nobody else learns they exist
        assertThat(api.as(stranger, "GET", "/api/projects/" + project, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/objects/" + project + "/history", null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/projects?q=" + mark, null).body().get("total").asLong()).isZero();

        JsonNode links = api.as(owner, "GET", "/api/objects/" + project + "/links", null).body();
        assertThat(links.get("parts").findValuesAsText("relation")).containsExactly("project-task");
        assertThat(ids(links.get("parts"))).containsExactly(task);

        assertThat(api.as(owner, "POST", "/api/projects/" + project + "/complete", null).status()).isEqualTo(409);
        assertThat(api.as(worker, "POST", "/api/tasks/" + task + "/complete", null).status()).isEqualTo(200);
        assertThat(api.as(owner, "POST", "/api/projects/" + project + "/complete", null).status()).isEqualTo(200);
    }

    @Test
    void deletingAProjectTakesItsTasksTheirSubtasksAndAllTheirFilesExactlyAsPreviewed() {
        long project = create(owner, "/api/projects", Map.of("title", "Doomed")).get("id").asLong();
        long projectFile = api.upload(owner, project, "plan.txt", "text/plain",
                ("plan " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)).body().get("id").asLong();
        long task = create(owner, "/api/tasks", Map.of("title", "Step", "project", project)).get("id").asLong();
        long taskFile = api.upload(owner, task, "step.txt", "text/plain",
                ("step " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)).body().get("id").asLong();
        long sub = create(owner, "/api/tasks", Map.of("title", "Sub", "parent", task)).get("id").asLong();
        long unrelated = create(owner, "/api/tasks", Map.of("title", "Unrelated")).get("id").asLong();

        JsonNode preview = api.as(owner, "GET", "/api/projects/" + project + "/deletion-preview", null).body()
                .get("objects");
        assertThat(ids(preview)).containsExactly(project, projectFile, task, taskFile, sub);
        assertThat(api.as(owner, "DELETE", "/api/projects/" + project, null).status()).isEqualTo(204);
        for (long gone : List.of(project, projectFile, task, taskFile, sub)) {
            assertThat(api.as(owner, "GET", "/api/objects/" + gone, null).status()).as("ID" + gone).isEqualTo(404);
            JsonNode entries = api.as("admin", "GET", "/api/objects/" + gone + "/history", null).body().get("entries");
            JsonNode last = entries.get(entries.size() - 1);
            if (gone != project) {
                assertThat(last.get("deletedWith").asLong()).as("ID" + gone).isEqualTo(project);
            }
        }
        assertThat(api.as(owner, "GET", "/api/tasks/" + unrelated, null).status()).isEqualTo(200);
    }

    @Test
    void aProjectFromAMemoCopiesTheChosenFilesAndDeletingTheMemoLeavesIt() {
        String author = api.newUser("pauthor");
        long memo = create(author, "/api/memos", Map.of("title", "Big idea", "to", owner)).get("id").asLong();
        byte[] content = ("idea " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        JsonNode file = api.upload(author, memo, "idea.txt", "text/plain", content).body();

        Api.Response made = api.as(owner, "POST", "/api/memos/" + memo + "/project", Map.of("title", "Do the idea",
                "copyFiles", List.of(file.get("id").asLong())));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long project = made.body().get("id").asLong();
        assertThat(made.body().get("kind").asText()).isEqualTo("project");
        assertThat(made.body().get("memo").asLong()).isEqualTo(memo);
        assertThat(made.body().get("subscribers").toString()).contains(author);
        assertThat(api.as(author, "GET", "/api/memos/" + memo, null).body().get("stage").asText()).isEqualTo("reviewed");
        assertThat(files.attachedTo(project)).hasSize(1);
        assertThat(files.referenceCount(file.get("sha256").asText())).isEqualTo(2);

        // a reviewed memo can no longer be deleted by its author; an admin deletes it
        assertThat(api.as("admin", "DELETE", "/api/memos/" + memo, null).status()).isEqualTo(204);
        assertThat(api.as(owner, "GET", "/api/projects/" + project, null).status()).isEqualTo(200);
        assertThat(files.attachedTo(project)).hasSize(1);
        assertThat(files.referenceCount(file.get("sha256").asText())).isEqualTo(1);
    }

    @Test
    void aTaskNeedsAProjectItsCreatorMaySee() {
        String mark = "Proj" + System.nanoTime();
        long project = create(owner, "/api/projects", Map.of("title", mark + " project")).get("id").asLong();
        Api.Response hidden = api.as(worker, "POST", "/api/tasks", Map.of("title", "x", "project", project));
        assertThat(hidden.status()).isEqualTo(400);
        assertThat(hidden.body().get("errors").findValuesAsText("field")).containsExactly("project");
        long task = create(owner, "/api/tasks", Map.of("title", "t")).get("id").asLong();
        assertThat(api.as(owner, "POST", "/api/tasks", Map.of("title", "x", "project", task)).status()).isEqualTo(400);
    }

    @Test
    void aTransferGoesIntoTheHistoryAndAProjectTakesItsOwnersTasksAlong() {
        String heir = api.newUser("pheir");
        long project = create(owner, "/api/projects", Map.of("title", "Handover")).get("id").asLong();
        long mine = create(owner, "/api/tasks", Map.of("title", "Owner's task", "project", project)).get("id").asLong();
        long theirs = create(worker, "/api/tasks", Map.of("title", "Worker's task")).get("id").asLong();
        // the worker's task joins the project only if the worker may change it: make the worker its co-owner first
        api.as(owner, "PATCH", "/api/projects/" + project, Map.of("coOwner", worker));
        long workers = create(worker, "/api/tasks", Map.of("title", "Worker's project task", "project", project))
                .get("id").asLong();

        // a co-owner may not give it away; a stranger may not even see it
        assertThat(api.as(worker, "PUT", "/api/projects/" + project + "/owner", Map.of("owner", heir)).status())
                .isEqualTo(403);
        assertThat(api.as(heir, "PUT", "/api/projects/" + project + "/owner", Map.of("owner", heir)).status())
                .isEqualTo(404);
        assertThat(api.as(owner, "PUT", "/api/projects/" + project + "/owner", Map.of("owner", "nobody-here"))
                .status()).isEqualTo(400);
        Api.Response moved = api.as(owner, "PUT", "/api/projects/" + project + "/owner", Map.of("owner", heir));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("owner").asText()).isEqualTo(heir);
        assertThat(api.as(heir, "GET", "/api/tasks/" + mine, null).body().get("owner").asText()).isEqualTo(heir);
        assertThat(api.as(worker, "GET", "/api/tasks/" + workers, null).body().get("owner").asText()).isEqualTo(worker);
        assertThat(api.as(worker, "GET", "/api/tasks/" + theirs, null).body().get("owner").asText()).isEqualTo(worker);
        JsonNode last = api.as(heir, "GET", "/api/objects/" + project + "/history", null).body().get("entries");
        JsonNode entry = last.get(last.size() - 1);
        assertThat(entry.get("event").asText()).isEqualTo("ProjectOwnerChanged");
        assertThat(entry.get("user").asText()).isEqualTo(owner);
        assertThat(entry.get("changes").get(0).get("from").asText()).isEqualTo(owner);
        assertThat(entry.get("changes").get(0).get("to").asText()).isEqualTo(heir);
        // the former owner stays its responsible user, which is a separate field
        assertThat(moved.body().get("responsible").toString()).contains(owner);

        long memo = create(owner, "/api/memos", Map.of("title", "Mine", "draft", true)).get("id").asLong();
        assertThat(api.as(owner, "PUT", "/api/memos/" + memo + "/owner", Map.of("owner", heir)).status())
                .isEqualTo(403);
    }

    @Test
    void deletingAProjectTakesTheTasksOthersPutInItWithTheirFilesAndSubtasks() {
        // the worker, its sole responsible user, may add to it
        long project = create(owner, "/api/projects", Map.of("title", "Shared", "responsible", List.of(worker)))
                .get("id").asLong();
        long theirs = create(worker, "/api/tasks", Map.of("title", "Worker's part", "project", project,
                "coOwner", worker)).get("id").asLong();
        long theirFile = api.upload(worker, theirs, "w.txt", "text/plain",
                ("w " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)).body().get("id").asLong();
        long theirSub = create(worker, "/api/tasks", Map.of("title", "Worker's sub", "parent", theirs)).get("id").asLong();
        // the project's owner holds the worker's task: she may change it, not delete it alone; the project takes it
        assertThat(api.as(owner, "PATCH", "/api/tasks/" + theirs, Map.of("title", "x")).status()).isEqualTo(200);
        assertThat(api.as(owner, "DELETE", "/api/tasks/" + theirs, null).status()).isEqualTo(403);
        assertThat(api.as(owner, "DELETE", "/api/projects/" + project, null).status()).isEqualTo(204);
        for (long gone : List.of(theirs, theirFile, theirSub)) {
            assertThat(api.as(worker, "GET", "/api/objects/" + gone, null).status()).as("ID" + gone).isEqualTo(404);
        }
        // and the worker alone may not delete the owner's project
        long other = create(owner, "/api/projects", Map.of("title", "Not yours", "subscribers", List.of(worker)))
                .get("id").asLong();
        assertThat(api.as(worker, "DELETE", "/api/projects/" + other, null).status()).isEqualTo(403);
    }

    @Test
    void thePreviewIsForWhoMayDeleteAndASubtaskInItsMainTasksProjectGoesOnce() {
        long project = create(owner, "/api/projects", Map.of("title", "Preview", "subscribers", List.of(worker)))
                .get("id").asLong();
        long main = create(owner, "/api/tasks", Map.of("title", "Main", "project", project)).get("id").asLong();
        long sub = create(owner, "/api/tasks", Map.of("title", "Sub", "parent", main, "project", project)).get("id")
                .asLong();
        // a subscriber sees the project, not what deleting it would take
        assertThat(api.as(worker, "GET", "/api/projects/" + project + "/deletion-preview", null).status()).isEqualTo(403);
        JsonNode preview = api.as(owner, "GET", "/api/projects/" + project + "/deletion-preview", null).body()
                .get("objects");
        assertThat(ids(preview)).containsExactly(project, main, sub);
        assertThat(api.as(owner, "DELETE", "/api/projects/" + project, null).status()).isEqualTo(204);
        assertThat(api.as(owner, "GET", "/api/tasks/" + sub, null).status()).isEqualTo(404);
    }
}
