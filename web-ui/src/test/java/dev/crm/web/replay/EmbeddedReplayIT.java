package dev.crm.web.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.web.CrmApplication;
import dev.crm.web.testsupport.Api;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rebuild on the embedded default (H2), where it empties the tables one by one, inserts with
 * {@code WHERE NOT EXISTS} and reads the store over a plain result set: a replay and a rebuild write what the
 * live projections wrote.
 */
class EmbeddedReplayIT {

    @Test
    void aReplayAndARebuildOnTheEmbeddedDatabaseWriteWhatTheLiveProjectionsWrote() throws Exception {
        Path dataDir = Files.createTempDirectory("crm-embedded-replay");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CrmApplication.class).run(
                "--server.port=0", "--crm.data-dir=" + dataDir, "--crm.admin-password=" + Api.ADMIN_PASSWORD,
                "--spring.jmx.enabled=false")) {
            Api api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
            String author = api.newUser("author");
            String recipient = api.newUser("recipient", "chief");
            for (int i = 0; i < 5; i++) {
                long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Memo " + i, "to", recipient)).body()
                        .get("id").asLong();
                api.as(author, "PATCH", "/api/memos/" + memo, Map.of("description", "changed " + i));
                api.upload(author, memo, "f" + i + ".txt", "text/plain", "same".getBytes(StandardCharsets.UTF_8));
                long task = api.as(recipient, "POST", "/api/memos/" + memo + "/task", Map.of("title", "Do " + i)).body()
                        .get("id").asLong();
                if (i % 2 == 0) {
                    api.as(author, "DELETE", "/api/memos/" + memo, null);
                } else {
                    api.as(recipient, "POST", "/api/tasks/" + task + "/complete", null);
                }
            }
            ReadModelRebuilder rebuilder = app.getBean(ReadModelRebuilder.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Map<String, Set<Map<String, Object>>> live = tables(rebuilder, jdbc);
            assertThat(live.get("memo_view")).hasSize(5);
            assertThat(live.get("file_content")).hasSize(1);

            assertThat(rebuilder.replay()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class));
            assertThat(tables(rebuilder, jdbc)).isEqualTo(live);

            rebuilder.rebuild();
            assertThat(tables(rebuilder, jdbc)).isEqualTo(live);
            ProjectionWrites.ReplayCounts counts = rebuilder.lastCounts();
            assertThat(counts.forcedFlushes + counts.barriers + counts.batchesAppliedAgain).as(counts.toString()).isZero();
        }
    }

    /** Every table the rebuilder owns, as a set of rows; of the content counts the live ones (see ReadModelReplayIT). */
    private static Map<String, Set<Map<String, Object>>> tables(ReadModelRebuilder rebuilder, JdbcTemplate jdbc) {
        Map<String, Set<Map<String, Object>>> tables = new TreeMap<>();
        for (String table : rebuilder.tables()) {
            String where = table.equals("file_content") ? " WHERE ref_count > 0" : "";
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + where);
            tables.put(table, new HashSet<>(rows));
        }
        return tables;
    }
}
