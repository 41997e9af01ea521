package dev.crm.web.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.file.FileQueries;
import dev.crm.app.file.ContentStore;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasks through the API on PostgreSQL: rules, subtasks, tasks from memos with copied files, cascades. */
@CrmIntegrationTest
class TaskApiIT {

    @LocalServerPort
    int port;
    @Autowired
    FileQueries files;
    @Autowired
    ContentStore store;
    Api api;
    String owner;
    String worker;

    @BeforeEach
    void users() {
        api = new Api(port);
        owner = api.newUser("owner");
        worker = api.newUser("worker");
    }

    private JsonNode task(String user, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", "/api/tasks", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    @Test
    void aTaskIsSeenByItsPeopleAndChangedByItsOwnerOrSoleResponsible() {
        JsonNode t = task(owner, Map.of("title", "Call ACME", "responsible", List.of(worker), "priority", "high",
                "dueDate", "2026-12-01"));
        long id = t.get("id").asLong();
        assertThat(t.get("stage").asText()).isEqualTo("pending");
        assertThat(t.get("owner").asText()).isEqualTo(owner);
        String stranger = api.newUser("stranger");
        assertThat(api.as(stranger, "GET", "/api/tasks/" + id, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/tasks", null).body().get("items").findValues("id").stream()
                .map(JsonNode::asLong)).doesNotContain(id);
        assertThat(api.as(worker, "PATCH", "/api/tasks/" + id, Map.of("nextStep", "call")).status()).isEqualTo(200);
        Api.Response done = api.as(worker, "POST", "/api/tasks/" + id + "/complete", null);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("stage").asText()).isEqualTo("completed");
        assertThat(done.body().get("closedAt").isNull()).isFalse();
        assertThat(api.as(api.newUser("chief", "chief"), "GET", "/api/tasks/" + id, null).status()).isEqualTo(200);
    }

    @Test
    void badTaskInputIsA400() {
        Api.Response wrongShape = api.as(owner, "POST", "/api/tasks", Map.of("title", "t", "priority", "urgent",
                "stage", "completed"));
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.body().get("errors").findValuesAsText("field")).contains("priority", "stage");
        Api.Response wrongValues = api.as(owner, "POST", "/api/tasks", Map.of("title", "", "dueDate", "soon",
                "responsible", List.of("nobody-at-all")));
        assertThat(wrongValues.status()).isEqualTo(400);
        assertThat(wrongValues.body().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("title", "dueDate", "responsible");
    }

    @Test
    void aMainTaskWaitsForItsSubtasksAndItsDeleteTakesThemWithIt() {
        long main = task(owner, Map.of("title", "Main")).get("id").asLong();
        long sub = task(owner, Map.of("title", "Sub", "parent", main)).get("id").asLong();
        assertThat(api.as(owner, "POST", "/api/tasks/" + main + "/complete", null).status()).isEqualTo(409);
        assertThat(api.as(owner, "POST", "/api/tasks/" + sub + "/complete", null).status()).isEqualTo(200);
        assertThat(api.as(owner, "POST", "/api/tasks/" + main + "/complete", null).status()).isEqualTo(200);

        long other = task(owner, Map.of("title", "Other")).get("id").asLong();
        long otherSub = task(owner, Map.of("title", "Other sub", "parent", other)).get("id").asLong();
        JsonNode preview = api.as(owner, "GET", "/api/tasks/" + other + "/deletion-preview", null).body().get("objects");
        assertThat(preview.findValues("id").stream().map(JsonNode::asLong)).containsExactly(other, otherSub);
        assertThat(api.as(owner, "DELETE", "/api/tasks/" + other, null).status()).isEqualTo(204);
        assertThat(api.as(owner, "GET", "/api/tasks/" + otherSub, null).status()).isEqualTo(404);
        JsonNode history = api.as("admin", "GET", "/api/objects/" + otherSub + "/history", null).body().get("entries");
        assertThat(history.findValuesAsText("event")).containsExactly("TaskCreated", "TaskDeleted");
    }

    @Test
    void aTaskFromAMemoCopiesTheChosenFilesAndDeletingItLeavesTheMemosFiles() throws Exception {
        String author = api.newUser("author");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Please handle", "to", owner)).body()
                .get("id").asLong();
        byte[] first = ("first " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        byte[] second = ("second " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        JsonNode copied = api.upload(author, memo, "first.txt", "text/plain", first).body();
        api.upload(author, memo, "second.txt", "text/plain", second);

        Api.Response made = api.as(owner, "POST", "/api/memos/" + memo + "/task", Map.of("title", "Handle it",
                "responsible", List.of(worker), "copyFiles", List.of(copied.get("id").asLong())));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long taskId = made.body().get("id").asLong();
        assertThat(made.body().get("memo").asLong()).isEqualTo(memo);
        assertThat(made.body().get("subscribers").toString()).contains(author);
        assertThat(api.as(author, "GET", "/api/memos/" + memo, null).body().get("stage").asText()).isEqualTo("reviewed");
        var taskFiles = files.attachedTo(taskId);
        assertThat(taskFiles).hasSize(1);
        assertThat(taskFiles.get(0).sha256()).isEqualTo(copied.get("sha256").asText());
        assertThat(taskFiles.get(0).id()).isNotEqualTo(copied.get("id").asLong());
        assertThat(files.referenceCount(copied.get("sha256").asText())).isEqualTo(2);

        assertThat(api.as(owner, "DELETE", "/api/tasks/" + taskId, null).status()).isEqualTo(204);
        assertThat(files.attachedTo(memo)).hasSize(2);
        assertThat(files.referenceCount(copied.get("sha256").asText())).isEqualTo(1);
        assertThat(store.exists(copied.get("sha256").asText())).isTrue();
        assertThat(api.download(author, "/api/files/" + copied.get("id").asLong() + "/content").bytes()).isEqualTo(first);
    }

    @Test
    void onlyFilesOfTheMemoCanBeCopied() {
        long memo = api.as(owner, "POST", "/api/memos", Map.of("title", "Mine", "draft", true)).body().get("id").asLong();
        Api.Response r = api.as(owner, "POST", "/api/memos/" + memo + "/task",
                Map.of("title", "x", "copyFiles", List.of(memo)));
        assertThat(r.status()).isEqualTo(400);
    }

    @Test
    void objectsKnowTheirLinksAndACascadeIsNamedInEveryRemovedObjectsHistory() {
        String author = api.newUser("author");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Links", "to", owner)).body().get("id").asLong();
        long file = api.upload(author, memo, "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8)).body()
                .get("id").asLong();
        long task = api.as(owner, "POST", "/api/memos/" + memo + "/task", Map.of("title", "From memo")).body()
                .get("id").asLong();
        long sub = task(owner, Map.of("title", "Sub", "parent", task)).get("id").asLong();

        JsonNode memoLinks = api.as(author, "GET", "/api/objects/" + memo + "/links", null).body();
        assertThat(memoLinks.get("parts").findValuesAsText("relation")).containsExactly("file", "task");
        assertThat(memoLinks.get("parts").findValues("id").stream().map(JsonNode::asLong)).containsExactly(file, task);
        JsonNode taskLinks = api.as(owner, "GET", "/api/objects/" + task + "/links", null).body();
        assertThat(taskLinks.get("partOf").get(0).get("id").asLong()).isEqualTo(memo);
        assertThat(taskLinks.get("parts").get(0).get("id").asLong()).isEqualTo(sub);

        assertThat(api.as(owner, "DELETE", "/api/tasks/" + task, null).status()).isEqualTo(204);
        JsonNode root = api.as("admin", "GET", "/api/objects/" + task + "/history", null).body().get("entries");
        JsonNode part = api.as("admin", "GET", "/api/objects/" + sub + "/history", null).body().get("entries");
        JsonNode rootDelete = root.get(root.size() - 1);
        JsonNode partDelete = part.get(part.size() - 1);
        assertThat(rootDelete.get("event").asText()).isEqualTo("TaskDeleted");
        assertThat(rootDelete.get("cascade").asText()).isNotBlank();
        assertThat(rootDelete.get("deletedWith").isNull()).isTrue();
        assertThat(partDelete.get("cascade").asText()).isEqualTo(rootDelete.get("cascade").asText());
        assertThat(partDelete.get("deletedWith").asLong()).isEqualTo(task);
    }

    @Test
    void aTeamTaskGetsASubtaskPerResponsibleUserAndCompletesItselfWhenAllAreDone() {
        String other = api.newUser("other");
        long team = task(owner, Map.of("title", "Team effort", "responsible", List.of(worker, other))).get("id").asLong();
        JsonNode parts = api.as(owner, "GET", "/api/objects/" + team + "/links", null).body().get("parts");
        assertThat(parts).hasSize(2);
        long first = parts.get(0).get("id").asLong();
        long second = parts.get(1).get("id").asLong();
        JsonNode firstTask = api.as(worker, "GET", "/api/tasks/" + first, null).body();
        JsonNode secondTask = api.as(other, "GET", "/api/tasks/" + second, null).body();
        assertThat(List.of(firstTask.get("responsible").get(0).asText(), secondTask.get("responsible").get(0).asText()))
                .containsExactlyInAnyOrder(worker, other);
        String firstUser = firstTask.get("responsible").get(0).asText();
        String secondUser = secondTask.get("responsible").get(0).asText();

        // one of several responsible users may not change the team task itself
        assertThat(api.as(worker, "POST", "/api/tasks/" + team + "/complete", null).status()).isEqualTo(403);
        assertThat(api.as(firstUser, "POST", "/api/tasks/" + first + "/complete", null).status()).isEqualTo(200);
        assertThat(api.as(owner, "GET", "/api/tasks/" + team, null).body().get("stage").asText()).isEqualTo("pending");
        assertThat(api.as(secondUser, "POST", "/api/tasks/" + second + "/complete", null).status()).isEqualTo(200);
        JsonNode done = api.as(owner, "GET", "/api/tasks/" + team, null).body();
        assertThat(done.get("stage").asText()).isEqualTo("completed");
        JsonNode history = api.as(owner, "GET", "/api/objects/" + team + "/history", null).body().get("entries");
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("event").asText()).isEqualTo("TaskStageChanged");
        assertThat(last.get("user").asText()).isEqualTo("system");
    }

    @Test
    void overdueListsOpenTasksDueBeforeTodayAcrossAllPages() {
        String mark = "Overdue" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            task(owner, Map.of("title", mark + " late " + i, "dueDate", "2020-01-0" + (i + 1)));
        }
        long done = task(owner, Map.of("title", mark + " late but done", "dueDate", "2020-01-01")).get("id").asLong();
        api.as(owner, "POST", "/api/tasks/" + done + "/complete", null);
        task(owner, Map.of("title", mark + " not yet", "dueDate", "2999-01-01"));
        task(owner, Map.of("title", mark + " no date"));
        JsonNode page = api.as(owner, "GET", "/api/tasks?overdue=true&size=2&q=" + mark, null).body();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").findValuesAsText("title")).allMatch(t -> t.contains(" late "));
    }

    @Test
    void thePeopleOfAMainTaskAndOfItsSubtasksSeeEachOtherButChangeOnlyTheirOwn() {
        String watcher = api.newUser("watcher");
        String helper = api.newUser("helper");
        String stranger = api.newUser("stranger");
        String mark = "Related" + System.nanoTime();
        long main = task(owner, Map.of("title", mark + " main", "subscribers", List.of(watcher))).get("id").asLong();
        long sub = task(owner, Map.of("title", mark + " sub", "parent", main, "responsible", List.of(helper)))
                .get("id").asLong();

        // the main task's subscriber sees the subtask, in lists and history too, but may not change it
        assertThat(api.as(watcher, "GET", "/api/tasks/" + sub, null).status()).isEqualTo(200);
        assertThat(api.as(watcher, "GET", "/api/objects/" + sub + "/history", null).status()).isEqualTo(200);
        assertThat(api.as(watcher, "GET", "/api/tasks?q=" + mark, null).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.as(watcher, "PATCH", "/api/tasks/" + sub, Map.of("title", "x")).status()).isEqualTo(403);
        // the subtask's responsible user sees the main task
        assertThat(api.as(helper, "GET", "/api/tasks/" + main, null).status()).isEqualTo(200);
        assertThat(api.as(helper, "GET", "/api/tasks?q=" + mark, null).body().get("total").asLong()).isEqualTo(2);
        assertThat(api.as(helper, "PATCH", "/api/tasks/" + main, Map.of("title", "x")).status()).isEqualTo(403);
        // nobody else
        assertThat(api.as(stranger, "GET", "/api/tasks/" + sub, null).status()).isEqualTo(404);
        assertThat(api.as(stranger, "PATCH", "/api/tasks/" + main, Map.of("title", "x")).status()).isEqualTo(404);
        assertThat(api.as(stranger, "GET", "/api/tasks?q=" + mark, null).body().get("total").asLong()).isZero();
    }
}
