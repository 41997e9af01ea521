package dev.crm.web.memo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A deal's memos on the pages: the deal page lists those its reader may see (another user's draft is not shown), its
 * New memo opens the memo form with the deal given, the memo page links its deal and an edit keeps it; the deal's
 * delete page names the memos and counts a draft it cannot show.
 */
@CrmMockMvcTest
class MemoDealPagesIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DealService deals;
    Api api;
    String manager;
    String coOwner;
    long deal;

    @BeforeEach
    void aDealOfTwo() {
        api = new Api(port);
        manager = api.newUser("mdpown", "manager");
        coOwner = api.newUser("mdpco", "manager");
        deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Paged order", "coOwner", coOwner)).id();
    }

    private long memo(String author, Map<String, Object> body) {
        Api.Response r = api.as(author, "POST", "/api/memos", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("id").asLong();
    }

    @Test
    void theDealPageListsTheMemosItsReaderMaySeeAndOffersANewOne() throws Exception {
        long sent = memo(manager, Map.of("title", "Sent about it", "to", coOwner, "deal", deal));
        long draft = memo(coOwner, Map.of("title", "Private notes", "draft", true, "deal", deal));
        memo(manager, Map.of("title", "Unrelated", "to", coOwner));

        mvc.perform(get("/deals/" + deal).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"deal-memos\""),
                        containsString("href=\"/memos/" + sent + "\""), containsString("Sent about it"),
                        containsString("href=\"/memos/new?deal=" + deal + "\""),
                        containsString("href=\"/memos?deal=" + deal + "\""))))
                .andExpect(content().string(allOf(not(containsString("Private notes")),
                        not(containsString("/memos/" + draft + "\"")), not(containsString("Unrelated")))));
        mvc.perform(get("/deals/" + deal).with(user(coOwner))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sent about it"), containsString("Private notes"),
                        containsString("draft-badge"))));
        mvc.perform(get("/memos").param("deal", String.valueOf(deal)).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sent about it"), not(containsString("Unrelated")),
                        containsString("name=\"deal\" value=\"" + deal + "\""))));

        // the delete page names what its reader may see and counts the draft
        mvc.perform(get("/deals/" + deal + "/delete").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Sent about it"), not(containsString("Private notes")),
                        containsString("ID " + sent))));
    }

    @Test
    void aNewMemoFromTheDealPageIsAboutTheDealItsPageLinksItAndAnEditKeepsIt() throws Exception {
        mvc.perform(get("/memos/new").param("deal", String.valueOf(deal)).with(user(manager)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("name=\"deal\" value=\"" + deal + "\""),
                        containsString("id=\"memo-deal-fixed\""), containsString("Paged order"))));
        String made = mvc.perform(post("/memos/new").with(user(manager)).with(csrf()).param("title", "From the deal")
                        .param("to", coOwner).param("deal", String.valueOf(deal)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(made.substring(made.lastIndexOf('/') + 1));
        assertThat(api.as(manager, "GET", "/api/memos/" + id, null).body().get("deal").asLong()).isEqualTo(deal);

        mvc.perform(get("/memos/" + id).with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"memo-deal\""),
                        containsString("href=\"/objects/" + deal + "\""), containsString("Paged order"))));
        mvc.perform(get("/memos/" + id + "/edit").with(user(manager))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Paged order"),
                        not(containsString("name=\"deal\"")))));
        mvc.perform(post("/memos/" + id + "/edit").with(user(manager)).with(csrf()).param("version", "1")
                        .param("title", "From the deal, edited").param("to", coOwner))
                .andExpect(status().is3xxRedirection());
        var edited = api.as(manager, "GET", "/api/memos/" + id, null).body();
        assertThat(edited.get("title").asText()).isEqualTo("From the deal, edited");
        assertThat(edited.get("deal").asLong()).isEqualTo(deal);
    }

    @Test
    void aDealTheWriterMayNotSeeIsNotGivenToTheFormAndIsRefusedWhenSent() throws Exception {
        String outsider = api.newUser("mdpout");
        mvc.perform(get("/memos/new").param("deal", String.valueOf(deal)).with(user(outsider)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(not(containsString("name=\"deal\"")),
                        not(containsString("Paged order")))));
        mvc.perform(post("/memos/new").with(user(outsider)).with(csrf()).param("title", "Sneaky")
                        .param("to", manager).param("deal", String.valueOf(deal)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("There is no deal ID " + deal + " that you may see."),
                        not(containsString("Paged order")), not(containsString("name=\"deal\"")))));
    }
}
