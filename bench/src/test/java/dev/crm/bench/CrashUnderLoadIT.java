package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reliability 1: the CRM process is killed with SIGKILL while 8 clients send commands, twice. After each
 * restart, every command that was answered with success is in the store, exactly once; no command is
 * stored twice; and the read models equal what a fresh replay of the store builds.
 */
class CrashUnderLoadIT {

    static final int KILLS = 2;
    static final int CLIENTS = 8;

    @RegisterExtension
    final CrmProcesses crm = new CrmProcesses("reliability");
    private String db;

    private CrmProcess start(String name, Map<String, String> env) throws Exception {
        CrmProcess p = crm.start(db, name, CrmProcesses.SMALL, env);
        p.awaitReady(Duration.ofMinutes(2));
        return p;
    }

    @Test
    void everyAcknowledgedCommandSurvivesSigkillOnceAndTheReadModelsEqualAFreshReplay() throws Exception {
        db = crm.database("crash");
        CrmProcess[] current = {start("crash-0", Map.of())};
        Client admin = Client.admin(current[0].port());
        admin.newUser("chief", "chief");
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            writers.add(admin.newUser("writer" + i, "manager").username);
        }
        Load load = new Load("crash", CLIENTS, c -> new Client(current[0].port(), writers.get(c), Client.PASSWORD),
                "chief").start();
        for (int kill = 1; kill <= KILLS; kill++) {
            // kill while the clients are getting answers from this very process
            awaitMoreAnswers(load, ANSWERS_BETWEEN_KILLS);
            current[0].kill();
            current[0] = start("crash-" + kill, Map.of());
        }
        awaitMoreAnswers(load, ANSWERS_BETWEEN_KILLS);
        load.stop();

        Map<String, Integer> written = Store.writtenValues(db);
        for (Load.Ack ack : load.acknowledged) {
            assertThat(written.get(ack.value())).as("acknowledged %s stored once", ack.value()).isEqualTo(1);
            assertThat(Store.count(db, "SELECT COUNT(*) FROM domainevententry WHERE aggregateidentifier = '" + ack.id()
                    + "' AND sequencenumber = " + (ack.version() - 1))).isEqualTo(1);
        }
        assertThat(written.values()).as("no command stored twice").allMatch(n -> n == 1);
        long unansweredButStored = load.unanswered.stream().filter(written::containsKey).count();

        Map<String, ?> live = Store.readModels(db);
        assertThat(Store.memosBehindTheStore(db)).isZero();
        current[0].stop();
        start("crash-replay", Map.of("CRM_REBUILD_READ_MODELS", "true"));
        assertThat(Store.readModels(db)).isEqualTo(live);
        System.out.printf("RELIABILITY crash: %d SIGKILLs under %d clients; %d commands acknowledged, all stored once; "
                        + "%d unanswered (%d of them stored, the rest not); %d events in the store; read models = fresh "
                        + "replay; answers %s%n", KILLS, CLIENTS, load.acknowledged.size(), load.unanswered.size(),
                unansweredButStored, Store.count(db, "SELECT COUNT(*) FROM domainevententry"), load.statuses);
    }

    /** How many commands the clients get answered by a process before it is killed (and after the last start). */
    static final int ANSWERS_BETWEEN_KILLS = 100;

    /** Waits until {@code more} further commands were acknowledged: the clients are through to this process. */
    static void awaitMoreAnswers(Load load, int more) {
        int before = load.acknowledged.size();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(load.acknowledged.size()).as("commands answered")
                        .isGreaterThanOrEqualTo(before + more));
    }
}
