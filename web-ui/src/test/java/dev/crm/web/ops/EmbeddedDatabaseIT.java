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
 * install. It starts, shows the sign-in page, takes a memo, and still has it after a restart; its lists (counts,
 * text search, who sees which task) run on H2 as on PostgreSQL.
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

            // lists on the embedded database: the counts, the text search, task_person's rows (own, container, part)
            String lead = api.newUser("lead");
            String helper = api.newUser("helper");
            Api.Response main = api.as(author, "POST", "/api/tasks", Map.of("title", "Main 100% done", "responsible",
                    java.util.List.of(lead)));
            assertThat(main.status()).as(main.text()).isEqualTo(201);
            Api.Response sub = api.as(author, "POST", "/api/tasks", Map.of("title", "Sub", "parent",
                    main.body().get("id").asLong(), "responsible", java.util.List.of(helper)));
            assertThat(sub.status()).as(sub.text()).isEqualTo(201);
            for (String user : java.util.List.of(author, lead, helper)) {
                com.fasterxml.jackson.databind.JsonNode tasks = api.as(user, "GET", "/api/tasks?size=1", null).body();
                assertThat(tasks.get("items")).as(user).hasSize(1);
                assertThat(tasks.get("total").asLong()).as(user).isEqualTo(2);
                assertThat(tasks.get("totalExact").asBoolean()).isTrue();
            }
            assertThat(api.as(helper, "GET", "/api/tasks?q=0%25", null).body().get("total").asLong()).isEqualTo(1);
            assertThat(api.as(helper, "GET", "/api/tasks?q=0_", null).body().get("total").asLong()).isZero();
            assertThat(api.as(helper, "GET", "/api/tasks?mine=true", null).body().get("total").asLong()).isEqualTo(1);
            // the part changes hands: the main task's people see it still, the old helper sees nothing
            String other = api.newUser("other");
            assertThat(api.as(author, "PATCH", "/api/tasks/" + sub.body().get("id").asLong(), Map.of("responsible",
                    java.util.List.of(other))).status()).isEqualTo(200);
            assertThat(api.as(helper, "GET", "/api/tasks", null).body().get("total").asLong()).isZero();
            assertThat(api.as(other, "GET", "/api/tasks", null).body().get("total").asLong()).isEqualTo(2);
            assertThat(api.as(lead, "GET", "/api/tasks", null).body().get("total").asLong()).isEqualTo(2);
            assertThat(api.as(author, "GET", "/api/memos?size=1", null).body().get("total").asLong()).isEqualTo(1);

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

    /** A request's products and its deal's product lines (their own tables) on H2 as on PostgreSQL. */
    @Test
    void productLinesWorkOnTheEmbeddedDatabase() throws Exception {
        try (ConfigurableApplicationContext context = start(Files.createTempDirectory("crm-embedded-lines"))) {
            Api api = new Api(port(context));
            long bolt = api.as("admin", "POST", "/api/products", Map.of("name", "Bolt")).body().get("id").asLong();
            long nut = api.as("admin", "POST", "/api/products", Map.of("name", "Nut")).body().get("id").asLong();
            Api.Response request = api.as("admin", "POST", "/api/requests", Map.of("subject", "Parts",
                    "products", java.util.List.of(nut, bolt)));
            assertThat(request.status()).as(request.text()).isEqualTo(201);
            Api.Response deal = api.as("admin", "POST", "/api/requests/" + request.body().get("id").asLong()
                    + "/deal", null);
            assertThat(deal.status()).as(deal.text()).isEqualTo(201);
            assertThat(deal.body().get("products")).hasSize(2);
            Api.Response changed = api.as("admin", "PATCH", "/api/deals/" + deal.body().get("id").asLong(),
                    Map.of("products", java.util.List.of(Map.of("product", nut, "quantity", 7))));
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(changed.body().get("products").toString())
                    .isEqualTo("[{\"product\":" + nut + ",\"quantity\":7}]");
            org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(
                    org.springframework.jdbc.core.JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT quantity FROM deal_product WHERE deal_id = ?", Integer.class,
                    deal.body().get("id").asLong())).containsExactly(7);
        }
    }
}
