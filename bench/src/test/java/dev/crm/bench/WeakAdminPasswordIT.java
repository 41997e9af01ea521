package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged CRM, first start on an empty store with a {@code CRM_ADMIN_PASSWORD} the password policy
 * refuses: it stops, says why and what to do (Spring Boot's failure report, no stack trace), and creates
 * no administrator with a guessable password.
 */
class WeakAdminPasswordIT {

    private CrmProcess crm;
    private String db;

    @AfterEach
    void cleanUp() {
        if (crm != null) {
            crm.close();
        }
        if (db != null) {
            Pg.dropDatabase(db);
        }
    }

    @Test
    void theFirstStartStopsWithTheReasonAndNoAdminIsCreated() throws Exception {
        db = Pg.createDatabase("weakadmin");
        Path work = Files.createDirectories(Path.of("target", "reliability"));
        crm = new CrmProcess(db, work, "weak-admin", List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                Map.of("CRM_ADMIN_PASSWORD", "password123")).start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> !crm.alive());

        String log = crm.logText();
        assertThat(log).contains("APPLICATION FAILED TO START",
                "CRM_ADMIN_PASSWORD does not meet the password policy: This password is one of the most common ones",
                "Set CRM_ADMIN_PASSWORD to a password of at least 10 characters");
        assertThat(log).doesNotContain("Created the user 'admin'");
        try (Connection c = Pg.connect(db); ResultSet rs = c.createStatement()
                .executeQuery("SELECT COUNT(*) FROM user_credential")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
