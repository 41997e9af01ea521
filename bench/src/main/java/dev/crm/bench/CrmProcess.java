package dev.crm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CRM ({@code web-ui/target/crm.jar}) as a separate process on PostgreSQL, the way it is
 * deployed: {@code SPRING_PROFILES_ACTIVE=postgres}, {@code CRM_DB_URL}, {@code CRM_ADMIN_PASSWORD}; or
 * ({@link #embedded}) on its embedded default, H2 under the data folder. Its output goes to a log file;
 * {@link #kill()} is a SIGKILL.
 */
public final class CrmProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "bench-admin-password";

    private final Path jar;
    private final String dbUrl;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private final List<String> jvmArgs;
    private final Map<String, String> env;
    private Process process;
    private long startedAt;

    public CrmProcess(String dbUrl, Path workDir, String name, List<String> jvmArgs, Map<String, String> env) {
        this.jar = jar();
        this.dbUrl = dbUrl;
        this.port = freePort();
        // absolute: H2 refuses a database path that is implicitly relative to the working directory
        this.dataDir = workDir.resolve(name + "-data").toAbsolutePath();
        this.log = workDir.resolve(name + ".log");
        this.jvmArgs = jvmArgs;
        this.env = env;
    }

    /** On the embedded H2 database (the default without a profile), in a fresh data folder. */
    public static CrmProcess embedded(Path workDir, String name, List<String> jvmArgs, Map<String, String> env) {
        Path data = workDir.resolve(name + "-data");
        try {
            if (Files.exists(data)) {
                try (var files = Files.walk(data)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot empty " + data + ": " + e.getMessage(), e);
        }
        return new CrmProcess(null, workDir, name, jvmArgs, env);
    }

    public static Path jar() {
        Path jar = Path.of(Pg.setting("crm.jar", "web-ui/target/crm.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No CRM jar at " + jar + ": build it first (./mvnw -q -DskipTests package)");
        }
        return jar;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Starts the process; call {@link #awaitReady} to wait for it. */
    public CrmProcess start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> e = builder.environment();
        if (dbUrl != null) {
            e.put("SPRING_PROFILES_ACTIVE", "postgres");
            e.put("CRM_DB_URL", dbUrl);
            e.put("CRM_DB_USER", Pg.USER);
            e.put("CRM_DB_PASSWORD", Pg.PASSWORD);
        }
        e.put("CRM_ADMIN_PASSWORD", ADMIN_PASSWORD);
        e.put("SERVER_PORT", Integer.toString(port));
        e.put("CRM_DATA_DIR", dataDir.toString());
        e.putAll(env);
        try {
            Files.createDirectories(dataDir);
            startedAt = System.nanoTime();
            process = builder.start();
        } catch (IOException ex) {
            throw new IllegalStateException("cannot start the CRM: " + ex.getMessage(), ex);
        }
        return this;
    }

    /**
     * Waits until {@code /actuator/health} answers UP and the admin can sign in (the admin is created just
     * after the server starts listening; a test that came in between got 401); returns the milliseconds
     * since {@link #start}.
     */
    public long awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String admin = "Basic " + java.util.Base64.getEncoder().encodeToString(
                ("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the CRM exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP") && http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/me")).header("Authorization", admin)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return (System.nanoTime() - startedAt) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(50);
        }
        throw new IllegalStateException("the CRM was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor();
        }
    }

    /** SIGTERM: a graceful stop. */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    /** SIGTERM, then waits: true when the process ended by itself within the time (it is left running otherwise). */
    public boolean terminate(Duration timeout) {
        process.destroy();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
