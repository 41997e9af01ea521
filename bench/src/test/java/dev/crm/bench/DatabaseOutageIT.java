package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reliability 5: the database goes away for a few seconds while clients send commands (a proxy between
 * the CRM and PostgreSQL drops every connection and refuses new ones). While it is gone every command
 * fails cleanly with 503 (problem+json); the service recovers by itself when the database is back; no
 * acknowledged command is lost, none is stored twice, and nothing answered 503 was stored.
 */
class DatabaseOutageIT {

    static final int OUTAGE_SECONDS = 6;

    private CrmProcess crm;
    private TcpProxy proxy;
    private String db;

    @AfterEach
    void cleanUp() {
        if (crm != null) {
            crm.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (db != null) {
            Pg.dropDatabase(db);
        }
    }

    @Test
    void commandsGet503WhileTheDatabaseIsGoneAndTheServiceRecoversByItself() throws Exception {
        db = Pg.createDatabase("outage");
        proxy = new TcpProxy("127.0.0.1", 5432);
        String viaProxy = db.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
        Path work = Files.createDirectories(Path.of("target", "reliability"));
        crm = new CrmProcess(viaProxy, work, "outage", List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"), Map.of()).start();
        crm.awaitReady(Duration.ofMinutes(2));
        Client admin = Client.admin(crm.port());
        admin.newUser("chief", "chief");
        Client writer = admin.newUser("writer", "manager");
        Load load = new Load("outage", 4, c -> new Client(crm.port(), writer.username, Client.PASSWORD), "chief").start();
        CrashUnderLoadIT.awaitMoreAnswers(load, 50);

        proxy.cut();
        long cutAt = System.nanoTime();
        Map<Integer, Integer> during = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        int n = 0;
        while (System.nanoTime() - cutAt < OUTAGE_SECONDS * 1_000_000_000L) {
            String value = "during-outage-" + n++;
            Client.Response r = writer.send("POST", "/api/memos", Map.of("title", value, "to", "chief"), Map.of());
            during.merge(r.status(), 1, Integer::sum);
            assertThat(r.status()).as("a command while the database is gone: %s", r.text()).isEqualTo(503);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            refused.add(value);
            // reads as well: 503, never 500
            assertThat(writer.get("/api/memos?size=5").status()).isEqualTo(503);
        }
        proxy.restore();
        long restoredAt = System.nanoTime();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            Client.Response after = writer.send("POST", "/api/memos", Map.of("title", "after-outage", "to", "chief"),
                    Map.of());
            assertThat(after.status()).as("recovered by itself: %s", after.text()).isEqualTo(201);
        });
        double recovery = (System.nanoTime() - restoredAt) / 1e9;
        // the load's clients are through again too
        CrashUnderLoadIT.awaitMoreAnswers(load, 50);
        load.stop();

        Map<String, Integer> written = Store.writtenValues(db);
        for (Load.Ack ack : load.acknowledged) {
            assertThat(written.get(ack.value())).as("acknowledged %s stored once", ack.value()).isEqualTo(1);
        }
        assertThat(written.values()).allMatch(c -> c == 1);
        assertThat(refused).noneMatch(written::containsKey);
        assertThat(Store.memosBehindTheStore(db)).isZero();
        System.out.printf("RELIABILITY outage: database gone %d s under 4 clients; %d commands during it, answers %s; "
                        + "first success %.1f s after it came back; load answers %s, %d unanswered; %d acknowledged, all "
                        + "stored once; read models match the store%n", OUTAGE_SECONDS, n, during, recovery, load.statuses,
                load.unanswered.size(), load.acknowledged.size());
    }
}
