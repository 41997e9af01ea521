package dev.crm.web.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Read models are projections: replaying the store twice, or rebuilding from nothing, gives the same tables. */
@CrmIntegrationTest
class ReadModelReplayIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuilder rebuilder;
    @Autowired
    dev.crm.app.mail.MailAccounts accounts;

    /**
     * Every table the rebuilder owns, each as a set of rows. Of the content counts only live ones: a
     * rebuild brings back zero-count rows of contents purged long ago, which the purge clears again.
     */
    private Map<String, java.util.Set<Map<String, Object>>> tables() {
        Map<String, java.util.Set<Map<String, Object>>> tables = new java.util.TreeMap<>();
        for (String table : rebuilder.tables()) {
            String where = table.equals("file_content") ? " WHERE ref_count > 0" : "";
            tables.put(table, new java.util.HashSet<>(jdbc.queryForList("SELECT * FROM " + table + where)));
        }
        return tables;
    }

    @org.junit.jupiter.api.AfterEach
    void purgeAgain() {
        jdbc.update("UPDATE crm_maintenance SET active = FALSE WHERE name = ?", ReadModelRebuilder.MAINTENANCE);
    }

    @Test
    void replayingEveryEventAgainChangesNothingAndARebuildGivesTheSameTables() {
        Api api = new Api(port);
        String author = api.newUser("author");
        String recipient = api.newUser("recipient", "chief");
        api.newUser("promoted");
        for (int i = 0; i < 3; i++) {
            long id = api.as(author, "POST", "/api/memos", Map.of("title", "Memo " + i, "to", recipient)).body()
                    .get("id").asLong();
            api.as(author, "PATCH", "/api/memos/" + id, Map.of("title", "Memo " + i + " (edited)", "description", "d"));
            if (i > 0) {
                api.as(recipient, "POST", "/api/memos/" + id + "/review", Map.of("conclusion", "ok " + i));
            }
            if (i == 2) {
                api.as("admin", "DELETE", "/api/memos/" + id, null);
            }
        }
        api.as(author, "POST", "/api/memos", Map.of("title", "A draft", "draft", true));
        long withFile = api.as(author, "POST", "/api/memos", Map.of("title", "With file", "to", recipient)).body()
                .get("id").asLong();
        api.upload(author, withFile, "f.txt", "text/plain", "replayed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long task = api.as(recipient, "POST", "/api/memos/" + withFile + "/task", Map.of("title", "Do it")).body()
                .get("id").asLong();
        api.as(recipient, "POST", "/api/tasks", Map.of("title", "Sub", "parent", task));
        api.as(recipient, "POST", "/api/tasks/" + task + "/complete", null);
        // departments, a user's departments, and a delete with its parts taken and brought back (file counts)
        long sales = api.as("admin", "POST", "/api/admin/departments", Map.of("name", "Sales " + System.nanoTime()))
                .body().get("id").asLong();
        assertThat(api.as("admin", "PATCH", "/api/admin/departments/" + sales, Map.of("name", "Sales " + System.nanoTime()))
                .status()).isEqualTo(200);
        // a mail account stopped (a refused login), resumed by an admin and stopped again: its stop is a value of its own
        Map<String, Object> mail = new java.util.HashMap<>(Map.of("name", "Replayed desk " + System.nanoTime(), "host",
                "127.0.0.1", "port", 2525, "security", "none", "from", "desk@example.com", "owner", author));
        Api.Response account = api.as("admin", "POST", "/api/admin/mail-accounts", mail);
        assertThat(account.status()).as(account.text()).isEqualTo(201);
        long accountId = account.body().get("id").asLong();
        accounts.stop(accountId, "535 refused once");
        assertThat(api.as("admin", "POST", "/api/admin/mail-accounts/" + accountId + "/resume", null).status())
                .isEqualTo(200);
        accounts.stop(accountId, "535 refused again");
        // the restore needs the content, which nothing purges while the flag a rebuild raises is up
        jdbc.update("UPDATE crm_maintenance SET active = TRUE WHERE name = ?", ReadModelRebuilder.MAINTENANCE);
        long files = api.as(author, "POST", "/api/memos", Map.of("title", "Files", "to", recipient)).body().get("id")
                .asLong();
        api.upload(author, files, "f.txt", "text/plain", "replayed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response uploaded = api.upload(author, files, "g.txt", "text/plain",
                "second".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        long second = uploaded.body().get("id").asLong();
        assertThat(api.as(author, "DELETE", "/api/files/" + second, null).status()).isEqualTo(204);
        assertThat(api.as(author, "DELETE", "/api/memos/" + files, null).status()).isEqualTo(204);
        assertThat(api.as("admin", "POST", "/api/objects/" + files + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as("admin", "PUT", "/api/users/" + recipient + "/departments", Map.of("departments", List.of(sales)))
                .status()).isEqualTo(200);
        var live = tables();
        // the shared database holds other tests' contents too (the same bytes among them): look for this test's
        assertThat(live.get("file_content")).anySatisfy(row -> assertThat(row.get("sha256")).isEqualTo(sha256("replayed")));
        assertThat(live.get("user_department")).isNotEmpty();
        assertThat(live.get("memo_view")).isNotEmpty();
        assertThat(live.get("task_view")).isNotEmpty();
        assertThat(live.get("object_link")).isNotEmpty();
        assertThat(live.get("reference_value")).anySatisfy(row -> {
            assertThat(row.get("id")).isEqualTo(accountId);
            assertThat(row.get("val")).isEqualTo("535 refused again");
        });

        long replayed = rebuilder.replay();
        assertThat(replayed).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class));
        assertThat(tables()).isEqualTo(live);

        rebuilder.rebuild();
        assertThat(tables()).isEqualTo(live);
        ProjectionWrites.ReplayCounts counts = rebuilder.lastCounts();
        // nothing cut the batches but task_person's relation statements (a subtask here), which do so on purpose
        assertThat(counts.forcedFlushes + counts.barriers - counts.rowsUnnamed + counts.batchesAppliedAgain)
                .as(counts.toString()).isZero();
        assertThat(jdbc.queryForObject("SELECT active FROM crm_maintenance WHERE name = ?", Boolean.class,
                ReadModelRebuilder.MAINTENANCE)).isFalse();
    }

    @Test
    void storedPayloadIsThePinnedJsonContract() {
        Api api = new Api(port);
        String author = api.newUser("author");
        long id = api.as(author, "POST", "/api/memos", Map.of("title", "Pinned", "draft", true)).body().get("id").asLong();
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, Long.toString(id));
        assertThat(payload).isEqualTo("{\"memoId\":" + id + ",\"title\":\"Pinned\",\"description\":null,\"to\":null,"
                + "\"draft\":true,\"owner\":\"" + author + "\",\"department\":null,\"deal\":null}");
        assertThat(jdbc.queryForObject("SELECT payloadrevision FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND sequencenumber = 0", String.class, Long.toString(id))).isEqualTo("2");
        String metaData = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, Long.toString(id));
        assertThat(metaData).contains("\"username\":\"" + author + "\"").doesNotContain("roles");
    }

    @Test
    void aProjectionThatFailsRollsTheWholeCommandBack() {
        Api api = new Api(port);
        String author = api.newUser("author");
        long eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        jdbc.execute("ALTER TABLE memo_view ADD CONSTRAINT test_no_boom CHECK (title <> 'boom')");
        try {
            Api.Response r = api.as(author, "POST", "/api/memos", Map.of("title", "boom", "draft", true));
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        } finally {
            jdbc.execute("ALTER TABLE memo_view DROP CONSTRAINT test_no_boom");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class)).isEqualTo(eventsBefore);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM crm_object WHERE title = 'boom'", Long.class)).isZero();
    }

    private static String sha256(String content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
