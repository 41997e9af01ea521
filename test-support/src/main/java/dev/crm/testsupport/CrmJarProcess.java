package dev.crm.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged CRM ({@code web-ui/target/crm.jar}) as a process of its own, as it is deployed: on a free
 * port of 127.0.0.1, with a fresh data folder, the admin password given, and the environment given (the
 * embedded H2 default unless it names a profile). Its output goes to a log file. {@link #close()} stops it
 * (SIGTERM, SIGKILL after 20 s); a shutdown hook stops it too if this JVM ends first, so a failed or
 * interrupted build never leaves it running.
 */
public final class CrmJarProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread reaper;

    private CrmJarProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "stop-crm-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code jar} with its data in {@code workDir/<name>-data} (emptied first) and its log in
     * {@code workDir/<name>.log}. {@code env} is added to this JVM's environment, from which
     * {@code SPRING_PROFILES_ACTIVE} and {@code CRM_DB_*} are removed first, so that only what the caller
     * says chooses the database.
     */
    public static CrmJarProcess start(Path jar, Path workDir, String name, String adminPassword,
                                      Map<String, String> env) {
        Path jarFile = jar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jarFile)) {
            throw new IllegalStateException("no CRM jar at " + jarFile + ".\n  Build it first: ./mvnw -B -pl web-ui"
                    + " -am -DskipTests package (a reactor build such as ./mvnw -B verify builds it before"
                    + " the modules that run it).");
        }
        Path dir = workDir.toAbsolutePath().normalize();
        // absolute: H2 refuses a database path that is implicitly relative to the working directory
        Path dataDir = dir.resolve(name + "-data");
        Path log = dir.resolve(name + ".log");
        int port = freePort();
        try {
            Files.createDirectories(dir);
            deleteTree(dataDir);
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // short-lived test processes: C1 only starts them faster, and they need little heap
                "-XX:TieredStopAtLevel=1", "-Xmx512m",
                "-jar", jarFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> environment = builder.environment();
        environment.remove("SPRING_PROFILES_ACTIVE");
        environment.keySet().removeIf(variable -> variable.startsWith("CRM_DB_"));
        environment.put("CRM_DATA_DIR", dataDir.toString());
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("CRM_ADMIN_PASSWORD", adminPassword);
        environment.putAll(env);
        try {
            return new CrmJarProcess(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, no trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Throws with the exit code and the tail of the log when the process has ended. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the CRM exited with code " + process.exitValue() + "." + logTail(60));
        }
    }

    /** The last lines of the process's log, ready to be appended to a failure message. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "\n  The last " + tail.size() + " lines of " + log + ":\n    | " + String.join("\n    | ", tail);
        } catch (IOException e) {
            return "\n  (no log at " + log + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM (a graceful stop closes H2 and the connection pool), SIGKILL after 20 s. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    /** The prefix, a dash and 24 random characters: meets the password policy, and nobody can guess it. */
    public static String strongPassword(String prefix) {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }
}
