package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar crm.jar verify} and {@code checkpoint} as separate processes against a PostgreSQL store, without
 * the web server: an intact store exits 0; events stored without hashes (an installation from before them, here
 * some 30,000 copied events) are "not chained" (exit 1) until the next start of the service chains them; an edited
 * event row then exits 1 naming the object and sequence. Prints the check's and the chaining step's rates.
 */
class ChainCommandLineIT {

    private static final int COPIES = 500;
    private CrmProcess crm;
    private String db;
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void cleanUp() {
        if (crm != null) {
            crm.close();
        }
        if (db != null) {
            Pg.dropDatabase(db);
        }
    }

    record Run(int exit, String out, String err) {
    }

    private Run command(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", CrmProcess.jar().toString()));
        command.addAll(List.of(args));
        Path work = Files.createDirectories(Path.of("target", "chain-cli"));
        Path out = work.resolve("out.txt");
        Path err = work.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(Map.of("SPRING_PROFILES_ACTIVE", "postgres", "CRM_DB_URL", db,
                "CRM_DB_USER", Pg.USER, "CRM_DB_PASSWORD", Pg.PASSWORD));
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the command ends").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + crm.port() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + CrmProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long id(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theJarVerifiesTheStoreWithoutItsServerAndNamesAnEditedEvent() throws Exception {
        db = Pg.createDatabase("chaincli");
        Path work = Files.createDirectories(Path.of("target", "chain-cli"));
        crm = new CrmProcess(db, work, "chain", List.of("-Xmx384m"), Map.of()).start();
        crm.awaitReady(Duration.ofMinutes(3));
        List<Long> memos = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> made = api("POST", "/api/memos", "{\"title\":\"Chain " + i + "\",\"draft\":true}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            long memo = id(made.body());
            memos.add(memo);
            for (int c = 1; c <= 5; c++) {
                assertThat(api("PATCH", "/api/memos/" + memo, "{\"title\":\"Chain " + i + "." + c + "\"}").statusCode())
                        .isEqualTo(200);
            }
        }
        Run intact = command("verify");
        assertThat(intact.exit()).as(intact.out() + intact.err()).isZero();
        assertThat(intact.out()).contains("\"valid\":true");
        crm.stop();

        // an installation from before hashes: copies of the memos' events as further streams, without a hash
        try (Connection c = Pg.connect(db)) {
            c.createStatement().executeUpdate("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                  payload, payloadrevision, payloadtype, timestamp)
                    SELECT 'old-' || g || '-' || e.aggregateidentifier, e.sequencenumber, e.type,
                           gen_random_uuid()::text, e.metadata, e.payload, e.payloadrevision, e.payloadtype, e.timestamp
                    FROM domainevententry e JOIN memo_view m ON e.aggregateidentifier = CAST(m.id AS VARCHAR(20)),
                         generate_series(1, %d) g""".formatted(COPIES));
        }
        Run unchained = command("verify");
        assertThat(unchained.exit()).isEqualTo(1);
        assertThat(unchained.out()).contains("\"reason\":\"not chained\"");

        // the next start chains them before it serves
        crm = new CrmProcess(db, work, "chain-again", List.of("-Xmx384m"), Map.of()).start();
        crm.awaitReady(Duration.ofMinutes(5));
        String log = crm.logText();
        Matcher chained = Pattern.compile("Chained (\\d+) events in (\\d+) ms").matcher(log);
        assertThat(chained.find()).as(log).isTrue();
        System.out.println("BENCH chaining step: " + chained.group(1) + " events in " + chained.group(2) + " ms");
        crm.stop();

        long started = System.nanoTime();
        Run verified = command("verify");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        System.out.println("BENCH verify: " + verified.out().trim() + " (" + millis + " ms with the JVM's start)");
        Run checkpoint = command("checkpoint");
        assertThat(checkpoint.exit()).as(checkpoint.err()).isZero();
        assertThat(checkpoint.out()).contains("\"position\"");

        // an edited event: exit 1, the object and the sequence named
        long memo = memos.get(3);
        try (Connection c = Pg.connect(db); PreparedStatement edit = c.prepareStatement(
                "UPDATE domainevententry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Chain 3.2',"
                        + " 'Forged'), 'UTF8') WHERE aggregateidentifier = ? AND sequencenumber = 2")) {
            edit.setString(1, Long.toString(memo));
            assertThat(edit.executeUpdate()).isEqualTo(1);
        }
        Run broken = command("verify");
        assertThat(broken.exit()).as(broken.out() + broken.err()).isEqualTo(1);
        assertThat(broken.out()).contains("\"id\":\"" + memo + "\"", "\"sequence\":2", "hash does not match");
        assertThat(broken.err()).contains("BROKEN: stream " + memo + ", sequence 2");
        // and the checkpoint made before the edit still holds: the hash column was not rewritten
        try (Connection c = Pg.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM chain_checkpoint")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }
}
