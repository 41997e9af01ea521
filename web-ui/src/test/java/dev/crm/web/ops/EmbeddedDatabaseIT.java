package dev.crm.web.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.CrmApplication;
import dev.crm.web.testsupport.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command: the CRM on its embedded default (H2 under CRM_DATA_DIR), no database to
 * install. It starts, shows the sign-in page, takes a memo, and still has it after a restart.
 */
class EmbeddedDatabaseIT {

    private static ConfigurableApplicationContext start(Path dataDir) {
        // arguments, as a user would pass them: they override application.properties
        return new SpringApplicationBuilder(CrmApplication.class).run("--server.port=0",
                "--crm.data-dir=" + dataDir, "--crm.admin-password=" + Api.ADMIN_PASSWORD, "--spring.jmx.enabled=false",
                "--crm.content.purge-interval=500ms");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void startsOnTheEmbeddedDatabaseAndKeepsItsDataAcrossARestart() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-embedded");
        long id;
        String author;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = new Api(port(first));
            assertThat(api.anonymous("GET", "/login").status()).isEqualTo(200);
            assertThat(api.anonymous("GET", "/").status()).isEqualTo(302);
            author = api.newUser("author");
            Api.Response created = api.as(author, "POST", "/api/memos", Map.of("title", "Survives", "draft", true));
            assertThat(created.status()).isEqualTo(201);
            id = created.body().get("id").asLong();
        }
        assertThat(dataDir.resolve("db")).isDirectory();
        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = new Api(port(second));
            Api.Response read = api.as(author, "GET", "/api/memos/" + id, null);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("title").asText()).isEqualTo("Survives");
            assertThat(api.as(author, "GET", "/api/objects/" + id + "/history", null).body().get("entries")).hasSize(1);

            // files on the embedded database: stored under the data folder, purged after the last reference
            byte[] bytes = ("kept in " + dataDir).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Api.Response file = api.upload(author, id, "note.txt", "text/plain", bytes);
            assertThat(file.status()).as(file.text()).isEqualTo(201);
            String sha = file.body().get("sha256").asText();
            Path content = dataDir.resolve("content").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
            assertThat(content).hasBinaryContent(bytes);
            assertThat(api.as(author, "DELETE", "/api/files/" + file.body().get("id").asLong(), null).status())
                    .isEqualTo(204);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> !Files.exists(content));
        }
    }
}
