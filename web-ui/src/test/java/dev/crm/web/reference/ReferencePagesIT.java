package dev.crm.web.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The administration pages of reference data: a list per kind, its form to add and change, delete. */
@CrmMockMvcTest
class ReferencePagesIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;

    @Test
    void adminsListAddChangeAndDeleteReferenceDataOnThePages() throws Exception {
        Api api = new Api(port);
        for (String path : new String[] {"stages", "closing-reasons", "lead-sources", "currencies"}) {
            String list = mvc.perform(get("/admin/" + path).with(user("admin").roles("admin"))).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(list).contains("id=\"reference-table\"", "id=\"reference-new\"");
            mvc.perform(get("/admin/" + path + "/new").with(user("admin").roles("admin"))).andExpect(status().isOk());
        }
        assertThat(mvc.perform(get("/admin/currencies").with(user("admin").roles("admin"))).andReturn().getResponse()
                .getContentAsString()).contains("EUR", "USD");

        String name = "Trade fair " + System.nanoTime();
        mvc.perform(post("/admin/lead-sources").param("name", name).with(user("admin").roles("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        JsonNode source = null;
        for (JsonNode s : api.as("admin", "GET", "/api/admin/lead-sources", null).body().get("items")) {
            if (s.get("name").asText().equals(name)) {
                source = s;
            }
        }
        assertThat(source).isNotNull();
        long id = source.get("id").asLong();
        String form = mvc.perform(get("/admin/lead-sources/" + id + "/edit").with(user("admin").roles("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains(name);
        mvc.perform(post("/admin/lead-sources/" + id).param("name", name + " 2").param("version", "1")
                .with(user("admin").roles("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(api.as("admin", "GET", "/api/admin/lead-sources/" + id, null).body().get("name").asText())
                .isEqualTo(name + " 2");
        // a stale form is 412 and changes nothing; a bad value is 400 with the form again
        mvc.perform(post("/admin/lead-sources/" + id).param("name", "Other").param("version", "1")
                .with(user("admin").roles("admin")).with(csrf())).andExpect(status().isPreconditionFailed());
        mvc.perform(post("/admin/currencies").param("code", "euro").with(user("admin").roles("admin")).with(csrf()))
                .andExpect(status().isBadRequest());
        // the delete asks first: the page names it and posts its version
        assertThat(mvc.perform(get("/admin/lead-sources/" + id + "/delete").with(user("admin").roles("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains(name + " 2").contains("reference-delete-confirm").contains("name=\"version\" value=\"2\"");
        assertThat(api.as("admin", "GET", "/api/admin/lead-sources/" + id, null).status()).isEqualTo(200);
        mvc.perform(post("/admin/lead-sources/" + id + "/delete").param("version", "2")
                .with(user("admin").roles("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(api.as("admin", "GET", "/api/admin/lead-sources/" + id, null).status()).isEqualTo(404);

        // the pages are the administrators'
        String manager = api.newUser("pages", "manager");
        mvc.perform(get("/admin/stages").with(user(manager).roles("manager"))).andExpect(status().isForbidden());
    }
}
