package dev.crm.web.task;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The task pages keep the task rules: what a user may not see is 404; lists filter; forms keep input. */
@CrmMockMvcTest
class TaskPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String owner;
    String worker;
    String stranger;

    @BeforeEach
    void users() {
        api = new Api(port);
        owner = api.newUser("owner");
        worker = api.newUser("worker");
        stranger = api.newUser("stranger");
    }

    private long task(String user, Map<String, Object> body) {
        Api.Response r = api.as(user, "POST", "/api/tasks", body);
        if (r.status() != 201) {
            throw new IllegalStateException(r.text());
        }
        return r.body().get("id").asLong();
    }

    @Test
    void aStrangerGetsNotFoundOnEveryTaskPage() throws Exception {
        long id = task(owner, Map.of("title", "Call <ACME>", "responsible", List.of(worker)));
        for (String path : new String[] {"/tasks/" + id, "/tasks/" + id + "/edit", "/tasks/" + id + "/delete",
                "/tasks/new?parent=" + id, "/objects/" + id + "/history"}) {
            mvc.perform(get(path).with(user(stranger))).andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("id=\"error-reason\"")));
        }
        mvc.perform(post("/tasks/" + id + "/complete").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + id + "/delete").with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/tasks").with(user(stranger))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Call &lt;ACME&gt;"))));
        // the owner sees it, escaped
        mvc.perform(get("/tasks/" + id).with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Call &lt;ACME&gt;")))
                .andExpect(content().string(containsString("/tasks/" + id + "/edit")));
        mvc.perform(get("/objects/" + id).with(user(worker))).andExpect(redirectedUrl("/tasks/" + id));
    }

    @Test
    void theListFiltersByMineAndOverdue() throws Exception {
        long mine = task(worker, Map.of("title", "Worker's own task", "dueDate", "2020-01-01"));
        long theirs = task(owner, Map.of("title", "Owner task seen by subscriber", "subscribers", List.of(worker),
                "dueDate", "2999-01-01"));
        String all = mvc.perform(get("/tasks").with(user(worker))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(all).contains("data-task-id=\"" + mine + "\"")
                .contains("data-task-id=\"" + theirs + "\"");
        String onlyMine = mvc.perform(get("/tasks").param("mine", "true").with(user(worker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(onlyMine).contains("data-task-id=\"" + mine + "\"")
                .doesNotContain("data-task-id=\"" + theirs + "\"");
        String overdue = mvc.perform(get("/tasks").param("overdue", "true").with(user(worker)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(overdue).contains("data-task-id=\"" + mine + "\"")
                .doesNotContain("data-task-id=\"" + theirs + "\"").contains("overdue");
    }

    @Test
    void theFormsCreateEditAndShowFieldErrors() throws Exception {
        mvc.perform(post("/tasks/new").with(user(owner)).with(csrf()).param("title", "")
                        .param("dueDate", "not-a-date").param("tags", "a, b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This field is required.")))
                .andExpect(content().string(containsString("value=\"a, b\"")));
        String location = mvc.perform(post("/tasks/new").with(user(owner)).with(csrf()).param("title", "Plan")
                        .param("priority", "high").param("responsible", worker).param("tags", "x, y"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replace("/tasks/", ""));
        long before = api.as(owner, "GET", "/api/tasks/" + id, null).body().get("version").asLong();
        api.as(owner, "PATCH", "/api/tasks/" + id, Map.of("nextStep", "call them"));
        // a subtask, and completing the main task while it is open is refused with a flash
        mvc.perform(post("/tasks/new").with(user(owner)).with(csrf()).param("title", "Sub")
                .param("parent", String.valueOf(id))).andExpect(status().is3xxRedirection());
        mvc.perform(post("/tasks/" + id + "/complete").with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + id))
                .andExpect(flash().attribute("flash", containsString("open subtasks")));
        // a stale edit keeps the input beside the current task
        mvc.perform(post("/tasks/" + id + "/edit").with(user(owner)).with(csrf()).param("version", String.valueOf(before))
                        .param("title", "Mine now").param("responsible", worker))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().string(containsString("id=\"stale-alert\"")))
                .andExpect(content().string(containsString("Mine now")));
        long version = api.as(owner, "GET", "/api/tasks/" + id, null).body().get("version").asLong();
        mvc.perform(post("/tasks/" + id + "/edit").with(user(owner)).with(csrf()).param("version", "" + version)
                        .param("title", "Plan B").param("priority", "low").param("responsible", worker)
                        .param("stage", "in_progress"))
                .andExpect(redirectedUrl("/tasks/" + id));
        mvc.perform(get("/tasks/" + id).with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Plan B")))
                .andExpect(content().string(containsString("In progress")))
                .andExpect(content().string(containsString("Sub")));
    }

    @Test
    void theOwnerTransfersATaskFromItsPageAndOthersAreNotOfferedTheForm() throws Exception {
        long id = task(owner, Map.of("title", "Hand over", "responsible", List.of(worker)));
        // the sole responsible user may change the task, not give it away: no form, and the post is refused
        mvc.perform(get("/tasks/" + id).with(user(worker))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"transfer-form\""))));
        mvc.perform(post("/tasks/" + id + "/owner").param("owner", worker).with(user(worker)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tasks/" + id).with(user(owner))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"transfer-form\"")));
        mvc.perform(post("/tasks/" + id + "/owner").param("owner", worker).with(user(owner)).with(csrf()))
                .andExpect(redirectedUrl("/tasks/" + id))
                .andExpect(flash().attribute("flash", containsString("now belongs to " + worker)));
        org.assertj.core.api.Assertions.assertThat(api.as(worker, "GET", "/api/tasks/" + id, null).body().get("owner")
                .asText()).isEqualTo(worker);
    }

    @Test
    void adminsReadThePermissionMatrixAsEnforced() throws Exception {
        String page = mvc.perform(get("/admin/permissions").with(user("admin").roles("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).contains("id=\"permissions-table\"")
                .contains("data-kind=\"memo\"").contains("data-kind=\"project\"").contains("data-kind=\"file\"")
                .contains("cdv · all");
        mvc.perform(get("/admin/permissions").with(user(owner))).andExpect(status().isForbidden());
    }
}
