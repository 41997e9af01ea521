package dev.crm.web.memo;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The page controllers keep the memo rules: what a user may not see is 404, what they may not do is 403. */
@CrmMockMvcTest
class MemoPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String author;
    String recipient;
    String outsider;

    @BeforeEach
    void users() {
        api = new Api(port);
        author = api.newUser("author");
        recipient = api.newUser("recipient");
        outsider = api.newUser("outsider");
    }

    private long memo(Map<String, Object> body) {
        return api.as(author, "POST", "/api/memos", body).body().get("id").asLong();
    }

    private long sent() {
        return memo(Map.of("title", "Budget <2026>", "to", recipient, "description", "<script>alert(1)</script>"));
    }

    @Test
    void aUserWhoMayNotSeeAMemoGetsNotFoundEverywhere() throws Exception {
        long id = sent();
        for (String path : new String[] {"/memos/" + id, "/memos/" + id + "/edit", "/memos/" + id + "/delete",
                "/memos/" + id + "/review", "/objects/" + id, "/objects/" + id + "/history"}) {
            mvc.perform(get(path).with(user(outsider))).andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("id=\"error-reason\"")));
        }
        mvc.perform(get("/search").param("q", "ID" + id).with(user(outsider))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"search-none\"")));
        mvc.perform(post("/memos/" + id + "/postpone").with(user(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDraftIsPrivateToItsAuthor() throws Exception {
        long id = memo(Map.of("title", "Draft", "draft", true));
        mvc.perform(get("/memos/" + id).with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("draft-badge")));
        mvc.perform(get("/memos/" + id).with(user(recipient))).andExpect(status().isNotFound());
    }

    @Test
    void theMemoPageEscapesTextAndShowsOnlyAllowedButtons() throws Exception {
        long id = sent();
        mvc.perform(get("/memos/" + id).with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("/memos/" + id + "/edit")))
                .andExpect(content().string(not(containsString("/memos/" + id + "/review"))));
        mvc.perform(get("/memos/" + id).with(user(recipient))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/memos/" + id + "/review")))
                .andExpect(content().string(containsString("/memos/" + id + "/postpone")))
                .andExpect(content().string(not(containsString("/memos/" + id + "/edit"))))
                .andExpect(content().string(not(containsString("/memos/" + id + "/delete"))));
    }

    @Test
    void theRecipientMayNotEditAndSeesWhy() throws Exception {
        long id = sent();
        mvc.perform(get("/memos/" + id + "/edit").with(user(recipient))).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("You may not change this memo.")));
        mvc.perform(post("/memos/" + id + "/delete").with(user(recipient)).with(csrf()).param("version", "1"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDeleteConfirmationListsWhatWillBeDeletedThenDeletes() throws Exception {
        long id = sent();
        mvc.perform(get("/memos/" + id + "/delete").with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("ID " + id)))
                .andExpect(content().string(containsString("Budget &lt;2026&gt;")));
        mvc.perform(post("/memos/" + id + "/delete").with(user(author)).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/memos"))
                .andExpect(flash().attribute("flash", containsString("ID " + id)));
        mvc.perform(get("/memos/" + id).with(user(author))).andExpect(status().isNotFound());
        mvc.perform(get("/objects/" + id + "/history").with(user(author))).andExpect(status().isNotFound());
        mvc.perform(get("/objects/" + id).with(user("admin"))).andExpect(redirectedUrl("/objects/" + id + "/history"));
        mvc.perform(get("/objects/" + id + "/history").with(user("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Deleted")));
    }

    @Test
    void anInvalidFormIsShownAgainWithTheErrorUnderTheFieldAndTheInputKept() throws Exception {
        mvc.perform(post("/memos/new").with(user(author)).with(csrf()).param("title", " ").param("to", "")
                        .param("description", "kept <text>"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("This field is required.")))
                .andExpect(content().string(containsString("A memo that is not a draft needs a recipient.")))
                .andExpect(content().string(containsString("kept &lt;text&gt;")));
    }

    @Test
    void aCreatedMemoRedirectsToItsPageWithAFlashMessage() throws Exception {
        mvc.perform(post("/memos/new").with(user(author)).with(csrf()).param("title", "Hello")
                        .param("to", recipient).param("description", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("was created")));
    }

    @Test
    void aStaleEditShowsTheCurrentValues() throws Exception {
        long id = sent();
        api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Changed meanwhile"));
        mvc.perform(post("/memos/" + id + "/edit").with(user(author)).with(csrf()).param("version", "1")
                        .param("title", "Mine").param("to", recipient).param("description", "x"))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().string(containsString("id=\"stale-alert\"")))
                .andExpect(content().string(containsString("value=\"Changed meanwhile\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
    }

    @Test
    void postponingTwiceGoesBackToTheMemoWithAnAlert() throws Exception {
        long id = sent();
        mvc.perform(post("/memos/" + id + "/postpone").with(user(recipient)).with(csrf()).param("version", "1"))
                .andExpect(redirectedUrl("/memos/" + id))
                .andExpect(flash().attribute("flashLevel", "success"));
        mvc.perform(post("/memos/" + id + "/postpone").with(user(recipient)).with(csrf()).param("version", "2"))
                .andExpect(redirectedUrl("/memos/" + id))
                .andExpect(flash().attribute("flashLevel", "warning"));
    }

    @Test
    void helpExistsForEachPageAndUnknownHelpIsNotFound() throws Exception {
        for (String page : new String[] {"home", "memos", "memo", "memo-form", "memo-delete", "history", "search"}) {
            mvc.perform(get("/help/" + page).with(user(author))).andExpect(status().isOk());
        }
        mvc.perform(get("/help/nope").with(user(author))).andExpect(status().isNotFound());
    }

    @Test
    void theHomePageListsSectionsAndRecentMemosWithTheirIds() throws Exception {
        long id = sent();
        // the recent objects are those the user opened (HomePageIT follows them further)
        mvc.perform(get("/").with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("ID " + id))));
        mvc.perform(get("/memos/" + id).with(user(author))).andExpect(status().isOk());
        mvc.perform(get("/").with(user(author))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/memos\"")))
                .andExpect(content().string(containsString("ID " + id)));
    }

    @Test
    void theListSortsByAColumnHeaderAndKeepsItsFilters() throws Exception {
        String tag = "sorting" + System.nanoTime();
        for (String title : new String[] {tag + " Cherry", tag + " apple", tag + " Banana"}) {
            memo(Map.of("title", title, "to", recipient));
        }
        String page = mvc.perform(get("/memos").param("q", tag).param("sort", "title").with(user(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(tag + " apple")).isPositive().isLessThan(page.indexOf(tag + " Banana"));
        assertThat(page.indexOf(tag + " Banana")).isLessThan(page.indexOf(tag + " Cherry"));
        // the header now reverses the order, keeps the text filter and starts again at the first page
        assertThat(page).contains("aria-sort=\"ascending\"")
                .contains("href=\"/memos?q=" + tag + "&amp;sort=-title\" id=\"sort-title\"");
        // the filter form keeps the order
        assertThat(page).contains("<input type=\"hidden\" name=\"sort\" value=\"title\">");

        String reversed = mvc.perform(get("/memos").param("q", tag).param("sort", "-title").param("page", "0")
                .with(user(author))).andReturn().getResponse().getContentAsString();
        assertThat(reversed.indexOf(tag + " Cherry")).isPositive().isLessThan(reversed.indexOf(tag + " apple"));
        assertThat(reversed).contains("aria-sort=\"descending\"");

        // an order the list does not offer is the default one (newest change first), not an error
        String unknown = mvc.perform(get("/memos").param("q", tag).param("sort", "description").with(user(author)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown.indexOf(tag + " Banana")).isPositive().isLessThan(unknown.indexOf(tag + " Cherry"));
    }
}
