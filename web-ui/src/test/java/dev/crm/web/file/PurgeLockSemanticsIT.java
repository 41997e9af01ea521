package dev.crm.web.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The purge relies on one behaviour of the database: a {@code SELECT … WHERE ref_count = 0 FOR UPDATE}
 * that waits for an attach holding the row re-checks the condition on the committed row, and so skips a
 * content whose count the attach raised. Checked on both databases the CRM runs on.
 */
class PurgeLockSemanticsIT {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aPurgeThatWaitedForAnAttachSeesTheRaisedCount(String database) throws Exception {
        String url;
        String user;
        String password;
        if (database.equals("h2")) {
            url = "jdbc:h2:mem:purge" + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
            user = "sa";
            password = "";
        } else {
            TestPostgres.Endpoint e = TestPostgres.get();
            url = e.jdbcUrl();
            user = e.username();
            password = e.password();
        }
        String table = "lock_probe_" + Long.toString(System.nanoTime(), 36);
        try (Connection setup = DriverManager.getConnection(url, user, password); Statement s = setup.createStatement()) {
            s.execute("CREATE TABLE " + table + " (sha256 VARCHAR(64) PRIMARY KEY, ref_count BIGINT NOT NULL)");
            s.execute("INSERT INTO " + table + " VALUES ('c', 0)");
        }
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection attach = DriverManager.getConnection(url, user, password);
             Connection purge = DriverManager.getConnection(url, user, password)) {
            attach.setAutoCommit(false);
            purge.setAutoCommit(false);
            attach.createStatement().executeUpdate("UPDATE " + table + " SET ref_count = ref_count + 1 WHERE sha256 = 'c'");
            Future<List<String>> purged = pool.submit(() -> {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = purge.createStatement()
                        .executeQuery("SELECT sha256 FROM " + table + " WHERE ref_count = 0 FOR UPDATE")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                purge.commit();
                return rows;
            });
            // the purge must be waiting for the attach's lock, not finished
            Awaitility.await().during(java.time.Duration.ofMillis(300)).atMost(java.time.Duration.ofSeconds(2))
                    .until(() -> !purged.isDone());
            attach.commit();
            assertThat(purged.get(10, TimeUnit.SECONDS)).isEmpty();
        } finally {
            pool.shutdownNow();
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP TABLE " + table);
            }
        }
    }
}
