package dev.crm.web.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.crm.web.CrmApplication;
import dev.crm.web.testsupport.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Security finding 2, the health part: on the embedded H2 database, a write that ran out of memory closed
 * the store and left its file unreadable; every call then answered 503, but health said UP, because the
 * {@code db} check only asks the driver whether the connection is valid, and H2 still said yes. Here the store
 * is closed the same way (H2's own "panic", which the failed write triggered) and its file spoilt, and health
 * must say DOWN (503). (The real thing, four 47 MB posts with the limit raised, was measured by hand:
 * docs/reliability.md.)
 */
class EmbeddedDatabaseHealthIT {

    @Test
    void healthIsDownWhenTheEmbeddedDatabaseHasClosed() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-health");
        try (ConfigurableApplicationContext crm = new SpringApplicationBuilder(CrmApplication.class).run(
                "--server.port=0", "--crm.data-dir=" + dataDir, "--crm.admin-password=" + Api.ADMIN_PASSWORD,
                "--spring.jmx.enabled=false")) {
            Api api = new Api(((WebServerApplicationContext) crm).getWebServer().getPort());
            String author = api.newUser("author");
            assertThat(api.as(author, "POST", "/api/memos", Map.of("title", "Before", "draft", true)).status())
                    .isEqualTo(201);
            Api.Response up = api.as("admin", "GET", "/actuator/health", null);
            assertThat(up.status()).isEqualTo(200);
            assertThat(up.body().at("/components/eventStore/status").asText()).isEqualTo("UP");

            // as in the service that had run for a while: every pooled connection open (a connection made after
            // the failure would be a new one, and fail anyway, the file being unreadable)
            HikariDataSource pool = crm.getBean(HikariDataSource.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.getHikariPoolMXBean().getTotalConnections()
                    == pool.getMaximumPoolSize());

            // what the 47 MB posts did: the store fails a write and closes, and its file is left unreadable
            // (reopening it said "File corrupted in chunk 23"; so did a restart)
            try (Connection c = pool.getConnection()) {
                SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
                // a store operation that fails, as the write of the too-large chunk did: H2 panics and closes it
                Throwable panic = catchThrowable(() -> session.getDatabase().getStore().getMvStore()
                        .executeFilestoreOperation(() -> {
                            throw DataUtils.newMVStoreException(DataUtils.ERROR_WRITING_FAILED,
                                    "simulated: java.lang.OutOfMemoryError: Capacity: 67501263");
                        }));
                assertThat(panic).isNotNull();
                assertThat(session.getDatabase().getStore().getMvStore().isClosed()).isTrue();
            }
            Path file = dataDir.resolve("db").resolve("crm.mv.db");
            Files.delete(file);
            Files.createDirectory(file); // H2 can neither open nor create it again

            assertThat(api.as(author, "POST", "/api/memos", Map.of("title", "After", "draft", true)).status())
                    .as("the database is gone").isEqualTo(503);
            Api.Response down = api.anonymous("GET", "/actuator/health");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.body().get("status").asText()).isEqualTo("DOWN");
        }
    }
}
