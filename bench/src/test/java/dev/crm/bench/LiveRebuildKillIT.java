package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live rebuild of the read models (issue 17) as processes: on a store of some 10⁵ events, rebuilt once on a quiet
 * service and once while clients send commands (the rates and the switch's hold, printed); then killed with SIGKILL
 * in the middle of a rebuild under load and started again: the new process resumes it from its recorded position, and
 * the read models end equal to what a fresh stop-the-world replay builds; no acknowledged command is lost.
 */
class LiveRebuildKillIT {

    static final int OBJECTS = 50_000;
    static final int CLIENTS = 4;

    @RegisterExtension
    final CrmProcesses crm = new CrmProcesses("live-rebuild");
    private String db;

    private CrmProcess start(String name, Map<String, String> env) throws Exception {
        CrmProcess p = crm.start(db, name, List.of("-Xmx1g"), env);
        p.awaitReady(Duration.ofMinutes(5));
        return p;
    }

    private static JsonNode rebuild(Client admin) {
        Client.Response r = admin.get("/api/admin/processors");
        assertThat(r.status()).isEqualTo(200);
        for (JsonNode p : r.body().get("items")) {
            if (p.get("name").asText().equals("memos")) {
                return p.get("rebuild");
            }
        }
        throw new AssertionError(r.text());
    }

    private static String state(Client admin) {
        JsonNode r = rebuild(admin);
        return r == null || r.isNull() ? "" : r.get("state").asText();
    }

    /** Starts a rebuild and waits for its end; answers its state at the end. */
    private static JsonNode rebuildAndWait(Client admin) {
        Client.Response started = admin.send("POST", "/api/admin/processors/memos/rebuild", null, Map.of());
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(admin).equals("done"));
        return rebuild(admin);
    }

    private static double rate(JsonNode done) {
        long millis = Duration.between(Instant.parse(done.get("startedAt").asText()),
                Instant.parse(done.get("finishedAt").asText())).toMillis();
        return done.get("done").asLong() * 1000.0 / Math.max(1, millis);
    }

    @Test
    void aRebuildKilledMidwayResumesInTheNextProcessAndEndsEqualToAFreshReplay() throws Exception {
        db = crm.database("liverebuild");
        CrmProcess setup = start("live-setup", Map.of());
        Client admin = Client.admin(setup.port());
        Client chief = admin.newUser("chief", "chief");
        List<String> writers = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            writers.add(admin.newUser("writer" + i, "manager").username);
            authors.add("writer" + i);
        }
        Client first = new Client(setup.port(), writers.get(0), Client.PASSWORD);
        long memo = first.send("POST", "/api/memos", Map.of("title", "Template memo", "to", chief.username), Map.of()).id();
        long task = first.send("POST", "/api/tasks", Map.of("title", "Template task"), Map.of()).id();
        Loader.load(db, Loader.creationEvent(db, memo), Loader.creationEvent(db, task), authors, OBJECTS);
        setup.stop();
        // the loaded events are in the store only: a stop-the-world rebuild at start-up projects them
        CrmProcess[] current = {start("live-0", Map.of("CRM_REBUILD_READ_MODELS", "true"))};
        admin = Client.admin(current[0].port());

        JsonNode quiet = rebuildAndWait(admin);
        long events = quiet.get("done").asLong();

        Load load = new Load("live", CLIENTS, c -> new Client(current[0].port(), writers.get(c), Client.PASSWORD),
                chief.username).start();
        JsonNode busy = rebuildAndWait(admin);

        // under load again, killed in the middle of the replay
        Client.Response started = admin.send("POST", "/api/admin/processors/memos/rebuild", null, Map.of());
        assertThat(started.status()).isEqualTo(202);
        Client watching = admin;
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> rebuild(watching).get("done").asLong() > events / 3);
        current[0].kill();
        long recorded = Store.count(db, "SELECT position FROM crm_live_rebuild WHERE name = 'read-models'");
        String stateAtKill = Store.string(db, "SELECT state FROM crm_live_rebuild WHERE name = 'read-models'");
        current[0] = start("live-1", Map.of());
        Client resumedAdmin = Client.admin(current[0].port());
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> state(resumedAdmin).equals("done"));
        JsonNode resumed = rebuild(resumedAdmin);
        load.stop();

        assertThat(stateAtKill).isIn("replaying", "catching-up", "switching");
        assertThat(resumed.get("resumedFrom").asLong()).isEqualTo(recorded).isGreaterThan(0);
        Map<Integer, ?> statuses = Map.copyOf(load.statuses);
        assertThat(statuses.keySet()).as("answers to the clients' commands").allMatch(s -> s / 100 == 2);
        Map<String, Integer> written = Store.writtenValues(db);
        for (Load.Ack ack : load.acknowledged) {
            assertThat(written.get(ack.value())).as("acknowledged %s stored once", ack.value()).isEqualTo(1);
        }
        assertThat(Store.memosBehindTheStore(db)).isZero();
        Map<String, ?> live = Store.readModels(db);
        current[0].stop();
        start("live-replay", Map.of("CRM_REBUILD_READ_MODELS", "true"));
        assertThat(Store.readModels(db)).isEqualTo(live);

        System.out.printf("LIVE REBUILD bench: %d events; quiet %.0f events/s (switch held %d ms); under %d clients "
                        + "%.0f events/s (switch held %d ms, %d events by then); killed at global index %d (%s), resumed "
                        + "from it by the next process; %d commands acknowledged, %d unanswered at the kill; read models = "
                        + "fresh replay%n", events, rate(quiet), quiet.get("switchMillis").asLong(), CLIENTS, rate(busy),
                busy.get("switchMillis").asLong(), busy.get("done").asLong(), recorded, stateAtKill,
                load.acknowledged.size(), load.unanswered.size());
    }
}
