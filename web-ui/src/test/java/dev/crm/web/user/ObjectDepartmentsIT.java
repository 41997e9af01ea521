package dev.crm.web.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Objects carry a department: their creator's first one. Lists filter by department (API) and by "my
 * departments" (pages), and show each object's department.
 */
@CrmMockMvcTest
class ObjectDepartmentsIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void newObjectsBelongToTheirCreatorsDepartmentAndListsFilterByIt() throws Exception {
        Api api = new Api(port);
        String name = "Sales " + System.nanoTime();
        Api.Response made = api.as("admin", "POST", "/api/admin/departments", Map.of("name", name));
        assertThat(made.status()).as(made.text()).isEqualTo(201);
        long sales = made.body().get("id").asLong();
        String seller = api.newUser("seller");
        String loner = api.newUser("loner");
        assertThat(api.as("admin", "PUT", "/api/users/" + seller + "/departments", Map.of("departments", List.of(sales)))
                .status()).isEqualTo(200);

        String mark = "Dept" + System.nanoTime();
        JsonNode memo = api.as(seller, "POST", "/api/memos", Map.of("title", mark + " memo", "to", loner)).body();
        JsonNode task = api.as(seller, "POST", "/api/tasks", Map.of("title", mark + " task",
                "subscribers", List.of(loner))).body();
        JsonNode project = api.as(seller, "POST", "/api/projects", Map.of("title", mark + " project")).body();
        JsonNode lonerTask = api.as(loner, "POST", "/api/tasks", Map.of("title", mark + " loner task",
                "subscribers", List.of(seller))).body();
        assertThat(memo.get("department").asLong()).isEqualTo(sales);
        assertThat(task.get("department").asLong()).isEqualTo(sales);
        assertThat(project.get("department").asLong()).isEqualTo(sales);
        assertThat(lonerTask.get("department").isNull()).isTrue();
        JsonNode history = api.as(seller, "GET", "/api/objects/" + task.get("id").asLong() + "/history", null).body();
        assertThat(history.toString()).contains("\"field\":\"department\"");

        // the API filters by department
        JsonNode salesTasks = api.as(loner, "GET", "/api/tasks?q=" + mark + "&department=" + sales, null).body();
        assertThat(salesTasks.get("items").findValuesAsText("title")).containsExactly(mark + " task");
        assertThat(api.as(loner, "GET", "/api/memos?q=" + mark + "&department=" + sales, null).body().get("total")
                .asLong()).isEqualTo(1);

        // the pages: "my departments" shows the seller the department's objects, and a user without one nothing
        String sellers = mvc.perform(get("/tasks").param("q", mark).param("dept", "true").with(user(seller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(sellers).contains(mark + " task").doesNotContain(mark + " loner task").contains(name);
        String loners = mvc.perform(get("/tasks").param("q", mark).param("dept", "true").with(user(loner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(loners).doesNotContain(mark + " task").doesNotContain(mark + " loner task");
        String memos = mvc.perform(get("/memos").param("q", mark).with(user(loner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(memos).contains(mark + " memo").contains(name);
    }

    @Test
    void theHeadOfTheCreatorsDepartmentIsTheDefaultCoOwner() throws Exception {
        Api api = new Api(port);
        long dept = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Ops " + System.nanoTime())).body()
                .get("id").asLong();
        String head = api.newUser("head");
        String member = api.newUser("member");
        String outsider = api.newUser("outsider");
        for (String u : List.of(head, member)) {
            api.as("admin", "PUT", "/api/users/" + u + "/departments", Map.of("departments", List.of(dept)));
        }
        // only a member can be head
        assertThat(api.as("admin", "PATCH", "/api/admin/departments/" + dept, Map.of("head", outsider)).status())
                .isEqualTo(400);
        Api.Response set = api.as("admin", "PATCH", "/api/admin/departments/" + dept, Map.of("head", head));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.body().get("head").asText()).isEqualTo(head);
        JsonNode history = api.as("admin", "GET", "/api/objects/" + dept + "/history", null).body().get("entries");
        assertThat(history.findValuesAsText("event")).endsWith("DepartmentHeadChanged");

        JsonNode task = api.as(member, "POST", "/api/tasks", Map.of("title", "Member's task")).body();
        assertThat(task.get("coOwner").asText()).isEqualTo(head);
        long id = task.get("id").asLong();
        assertThat(api.as(head, "PATCH", "/api/tasks/" + id, Map.of("title", "Checked by the head")).status())
                .isEqualTo(200);
        // a chosen co-owner wins, the head's own tasks get none, outsiders get none
        assertThat(api.as(member, "POST", "/api/tasks", Map.of("title", "t", "coOwner", outsider)).body().get("coOwner")
                .asText()).isEqualTo(outsider);
        assertThat(api.as(head, "POST", "/api/projects", Map.of("title", "p")).body().get("coOwner").isNull()).isTrue();
        assertThat(api.as(outsider, "POST", "/api/tasks", Map.of("title", "t")).body().get("coOwner").isNull()).isTrue();

        // the department page offers its members as head, and clears it
        String page = mvc.perform(get("/admin/departments/" + dept + "/rename").with(user("admin").roles("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"department-head-form\"").contains("value=\"" + member + "\"")
                .doesNotContain("value=\"" + outsider + "\"");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/admin/departments/" + dept + "/head").param("head", "")
                        .with(user("admin").roles("admin"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(api.as("admin", "GET", "/api/admin/departments/" + dept, null).body().get("head").isNull()).isTrue();

        // a rename with an invalid head changes nothing
        String before = api.as("admin", "GET", "/api/admin/departments/" + dept, null).body().get("name").asText();
        assertThat(api.as("admin", "PATCH", "/api/admin/departments/" + dept, Map.of("name", "Renamed " + System.nanoTime(),
                "head", outsider)).status()).isEqualTo(400);
        assertThat(api.as("admin", "GET", "/api/admin/departments/" + dept, null).body().get("name").asText())
                .isEqualTo(before);
        // a head who has left the department is no longer anyone's default co-owner
        api.as("admin", "PATCH", "/api/admin/departments/" + dept, Map.of("head", head));
        api.as("admin", "PUT", "/api/users/" + head + "/departments", Map.of("departments", List.of()));
        assertThat(api.as(member, "POST", "/api/tasks", Map.of("title", "after")).body().get("coOwner").isNull()).isTrue();
    }
}
