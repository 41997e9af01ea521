package dev.crm.web.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The input rules every kind shares (command-side {@code FieldRules}), as clients meet them: each refusal
 * is a 400 problem naming the field, never a 500, and stores nothing. Dates out of 0001–9999 and tags
 * beyond their column used to fail in the database (500); titles of invisible characters and half
 * characters used to be stored.
 */
@CrmMockMvcTest
class FieldRulesIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String user;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        user = api.newUser("rules");
    }

    @Test
    void datesBeyondYear9999OrBeforeYear1AreA400NamingTheField() {
        long task = created(api.as(user, "POST", "/api/tasks", Map.of("title", "Dated")));
        long project = created(api.as(user, "POST", "/api/projects", Map.of("title", "Dated project")));
        for (String date : List.of("+10000-01-01", "10000-01-01", "0000-01-01", "-0001-01-01", "+999999999-12-31")) {
            for (String field : List.of("dueDate", "nextStepDate")) {
                for (String kinds : List.of("tasks", "projects")) {
                    refused(api.as(user, "POST", "/api/" + kinds, Map.of("title", "Far", field, date)), field);
                }
                refused(api.as(user, "PATCH", "/api/tasks/" + task, Map.of(field, date)), field);
                refused(api.as(user, "PATCH", "/api/projects/" + project, Map.of(field, date)), field);
            }
        }
        Api.Response edges = api.as(user, "PATCH", "/api/tasks/" + task,
                Map.of("dueDate", "9999-12-31", "nextStepDate", "0001-01-01"));
        assertThat(edges.status()).as(edges.text()).isEqualTo(200);
        assertThat(edges.body().get("dueDate").asText()).isEqualTo("9999-12-31");
    }

    @Test
    void tagsBeyondTheirLimitsAreA400NamingTags() {
        // more than 2,000 characters in all used to fail in the database
        List<String> long60 = IntStream.range(0, 60).mapToObj(i -> i + "-" + "t".repeat(36)).toList();
        refused(api.as(user, "POST", "/api/tasks", Map.of("title", "Tagged", "tags", long60)), "tags");
        refused(api.as(user, "POST", "/api/projects", Map.of("title", "Tagged", "tags", long60)), "tags");
        long task = created(api.as(user, "POST", "/api/tasks", Map.of("title", "Tagged")));
        refused(api.as(user, "PATCH", "/api/tasks/" + task, Map.of("tags", long60)), "tags");
        refused(api.as(user, "PATCH", "/api/tasks/" + task, Map.of("tags", List.of("x".repeat(41)))), "tags");
        refused(api.as(user, "PATCH", "/api/tasks/" + task, Map.of("tags", List.of("\u200B\u200B"))), "tags");

        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> i + "-" + "t".repeat(37)).toList();
        Api.Response most = api.as(user, "PATCH", "/api/tasks/" + task, Map.of("tags", twenty));
        assertThat(most.status()).as(most.text()).isEqualTo(200);
        assertThat(most.body().get("tags")).hasSize(20);
    }

    @Test
    void moreUsersThanAListTakesIsA400BeforeAnyoneIsLookedUp() {
        List<String> many = IntStream.range(0, 41).mapToObj(i -> "someone" + i).toList();
        refused(api.as(user, "POST", "/api/tasks", Map.of("title", "Crowd", "subscribers", many)), "subscribers");
        refused(api.as(user, "POST", "/api/tasks", Map.of("title", "Crowd", "responsible", many)), "responsible");
    }

    @Test
    void titlesOfOnlyInvisibleCharactersAreA400NamingTheField() {
        for (String invisible : List.of("\u200B\u200B\u200B", "\uFEFF", "\u2060\u200D", "\u00A0\u3164")) {
            refused(api.as(user, "POST", "/api/memos", Map.of("title", invisible, "draft", true)), "title");
            refused(api.as(user, "POST", "/api/tasks", Map.of("title", invisible)), "title");
            refused(api.as(user, "POST", "/api/projects", Map.of("title", invisible)), "title");
            refused(api.as("admin", "POST", "/api/admin/departments", Map.of("name", invisible)), "name");
            refused(api.as("admin", "POST", "/api/users", Map.of("username", "inv" + System.nanoTime() % 100_000,
                    "password", Api.PASSWORD, "displayName", invisible)), "displayName");
        }
        long memo = created(api.as(user, "POST", "/api/memos", Map.of("title", "Visible", "draft", true)));
        refused(api.as(user, "PATCH", "/api/memos/" + memo, Map.of("title", "\u200B")), "title");
        // a zero-width joiner inside a text is part of it (emoji sequences, some scripts)
        assertThat(api.as(user, "PATCH", "/api/memos/" + memo, Map.of("title", "👩\u200D💻 on call")).status())
                .isEqualTo(200);
    }

    @Test
    void textsWithHalfCharactersOrNulAreA400NamingTheField() {
        // JSON escapes: a lone surrogate cannot be sent as UTF-8 at all
        refused(api.raw(user, "POST", "/api/memos", "{\"title\":\"half \\ud800\",\"draft\":true}"), "title");
        refused(api.raw(user, "POST", "/api/memos", "{\"title\":\"ok\",\"description\":\"\\udc00 x\",\"draft\":true}"),
                "description");
        refused(api.raw(user, "POST", "/api/tasks", "{\"title\":\"ok\",\"nextStep\":\"call \\ud83d\"}"), "nextStep");
        refused(api.raw(user, "POST", "/api/tasks", "{\"title\":\"ok\",\"tags\":[\"\\ud800\"]}"), "tags");
        refused(api.raw("admin", "POST", "/api/admin/departments", "{\"name\":\"Sales \\udfff\"}"), "name");
        refused(api.raw(user, "POST", "/api/memos", "{\"title\":\"ok\",\"description\":\"a\\u0000b\",\"draft\":true}"),
                "description");
        // a pair is one character, and is stored as it came
        Api.Response pair = api.raw(user, "POST", "/api/memos", "{\"title\":\"smile \\ud83d\\ude00\",\"draft\":true}");
        assertThat(pair.status()).as(pair.text()).isEqualTo(201);
        assertThat(pair.body().get("title").asText()).isEqualTo("smile 😀");
    }

    @Test
    void theFormsRefuseTheSameAndSayWhyUnderTheField() throws Exception {
        // a browser's date field offers no such date, but a request can carry it
        mvc.perform(post("/tasks/new").with(user(user)).with(csrf()).param("title", "From the form")
                        .param("dueDate", "+10000-01-01"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("from 0001-01-01 to 9999-12-31")))
                .andExpect(content().string(containsString("value=\"From the form\"")));
        mvc.perform(post("/projects/new").with(user(user)).with(csrf()).param("title", "\u200B\u200B"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least one visible character")));
        mvc.perform(post("/memos/new").with(user(user)).with(csrf()).param("title", "\uFEFF").param("draft", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least one visible character")));
    }

    private long created(Api.Response r) {
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    private void refused(Api.Response r, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body().get("errors").findValuesAsText("field")).as(r.text()).containsExactly(field);
    }
}
