package dev.crm.web.file;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmMockMvcTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The file pages keep the memo's rules: 404 for what one may not see, 403 for what one may not change. */
@CrmMockMvcTest
class FilePagesIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    Api api;
    String author;
    String recipient;
    String stranger;
    long memo;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        author = api.newUser("author");
        recipient = api.newUser("recipient");
        stranger = api.newUser("stranger");
        memo = api.as(author, "POST", "/api/memos", Map.of("title", "Files", "to", recipient)).body().get("id")
                .asLong();
    }

    private static MockMultipartFile file(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, "text/plain", bytes);
    }

    private long fileCount() {
        return api.as(author, "GET", "/api/files?attachedTo=" + memo, null).body().get("total").asLong();
    }

    @Test
    void aStrangerGetsNotFoundAndTheRecipientForbidden() throws Exception {
        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        mvc.perform(multipart("/memos/" + memo + "/files").file(file("a.txt", bytes)).with(user(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/memos/" + memo + "/files").file(file("a.txt", bytes)).with(user(recipient))
                .with(csrf())).andExpect(status().isForbidden());
        long fileId = api.upload(author, memo, "kept.txt", "text/plain", bytes).body().get("id").asLong();
        for (String who : new String[] {stranger, recipient}) {
            int expected = who.equals(stranger) ? 404 : 403;
            mvc.perform(get("/memos/" + memo + "/files/" + fileId + "/delete").with(user(who)))
                    .andExpect(status().is(expected));
            mvc.perform(post("/memos/" + memo + "/files/" + fileId + "/delete").with(user(who)).with(csrf()))
                    .andExpect(status().is(expected));
        }
        mvc.perform(get("/admin/contents").with(user(author))).andExpect(status().isForbidden());
        mvc.perform(get("/memos/" + memo).with(user(stranger))).andExpect(status().isNotFound());
        mvc.perform(get("/memos/" + memo).with(user(recipient))).andExpect(status().isOk())
                .andExpect(content().string(containsString("kept.txt")))
                .andExpect(content().string(not(containsString("id=\"file-upload\""))));
        org.assertj.core.api.Assertions.assertThat(fileCount()).isEqualTo(1);
    }

    @Test
    void aFileOfAnotherObjectIsNotFoundUnderThisMemo() throws Exception {
        long other = api.as(author, "POST", "/api/memos", Map.of("title", "Other", "to", recipient)).body().get("id")
                .asLong();
        long fileId = api.upload(author, other, "other.txt", "text/plain", "o".getBytes(StandardCharsets.UTF_8))
                .body().get("id").asLong();
        mvc.perform(get("/memos/" + memo + "/files/" + fileId + "/delete").with(user(author)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/memos/" + memo + "/files/" + fileId + "/delete").with(user(author)).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void uploadAndDeleteRedirectBackWithAMessage() throws Exception {
        mvc.perform(multipart("/memos/" + memo + "/files").file(file("notes.txt", "hello".getBytes(StandardCharsets.UTF_8)))
                        .with(user(author)).with(csrf()))
                .andExpect(redirectedUrl("/memos/" + memo))
                .andExpect(flash().attribute("flash", "File notes.txt (5 B) was attached."));
        long fileId = api.as(author, "GET", "/api/files?attachedTo=" + memo, null).body().get("items").get(0)
                .get("id").asLong();
        mvc.perform(get("/memos/" + memo + "/files/" + fileId + "/delete").with(user(author)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("notes.txt")));
        mvc.perform(post("/memos/" + memo + "/files/" + fileId + "/delete").param("version", "1").with(user(author))
                        .with(csrf()))
                .andExpect(redirectedUrl("/memos/" + memo))
                .andExpect(flash().attribute("flash", "File notes.txt was deleted."));
        org.assertj.core.api.Assertions.assertThat(fileCount()).isZero();
    }

    @Test
    void aTooLargeUploadRedirectsWithTheLimit() throws Exception {
        mvc.perform(multipart("/memos/" + memo + "/files").file(file("big.txt", new byte[1024 * 1024 + 1]))
                        .with(user(author)).with(csrf()))
                .andExpect(redirectedUrl("/memos/" + memo))
                .andExpect(flash().attribute("flash",
                        "The file is too large: files may be at most 1 MB. Nothing was uploaded."))
                .andExpect(flash().attribute("flashLevel", "warning"));
        mvc.perform(multipart("/memos/" + memo + "/files").with(user(author)).with(csrf()))
                .andExpect(redirectedUrl("/memos/" + memo))
                .andExpect(flash().attribute("flash", "Choose a file to upload first."));
        org.assertj.core.api.Assertions.assertThat(fileCount()).isZero();
    }

    @Test
    void uploadsNeedTheCsrfToken() throws Exception {
        mvc.perform(multipart("/memos/" + memo + "/files").file(file("a.txt", new byte[] {1})).with(user(author)))
                .andExpect(status().isForbidden());
    }
}
