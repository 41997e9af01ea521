package dev.crm.web.object;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The search bar over every kind: one word finds a memo, a company and a contact, listed in a group per kind (in
 * the kind model's order) with a link to the kind's list filtered by the same text; what the user may not see is
 * not found.
 */
@CrmMockMvcTest
class SearchPageIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void hitsAreGroupedByKind() throws Exception {
        Api api = new Api(port);
        String manager = api.newUser("searcher", "manager");
        String other = api.newUser("searchmemo");
        String word = "Zebulon" + System.nanoTime();
        long memo = api.as(manager, "POST", "/api/memos", Map.of("title", word + " memo", "to", other)).body()
                .get("id").asLong();
        long company = api.as(manager, "POST", "/api/companies", Map.of("name", word + " GmbH")).body().get("id")
                .asLong();
        long contact = api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName", word))
                .body().get("id").asLong();
        // another user's draft memo with the word is not theirs to see
        long hidden = api.as(other, "POST", "/api/memos", Map.of("title", word + " secret", "draft", true)).body()
                .get("id").asLong();

        String page = mvc.perform(get("/search").param("q", word.toLowerCase()).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"search-memo\""),
                        containsString("id=\"search-company\""), containsString("id=\"search-contact\""),
                        containsString("/objects/" + memo), containsString("/objects/" + company),
                        containsString("/objects/" + contact), containsString("/companies?q=" + word.toLowerCase()),
                        not(containsString("/objects/" + hidden)))))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page.indexOf("id=\"search-memo\""))
                .isLessThan(page.indexOf("id=\"search-company\""));
        org.assertj.core.api.Assertions.assertThat(page.indexOf("id=\"search-company\""))
                .isLessThan(page.indexOf("id=\"search-contact\""));
    }
}
