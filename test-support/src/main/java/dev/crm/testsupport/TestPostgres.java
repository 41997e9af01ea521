package dev.crm.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * Finds the PostgreSQL the integration tests run on, once per JVM: {@code CRM_TEST_JDBC_URL} if set;
 * else Testcontainers when a Docker engine answers; else the server on 127.0.0.1:5432; else it fails
 * with a message that says how to fix it. It never skips. On a shared server each JVM gets a fresh
 * {@code crm_test_*} database, dropped at exit.
 */
public final class TestPostgres {

    public record Endpoint(String jdbcUrl, String username, String password, String source) {
    }

    private static Endpoint endpoint;
    private static IllegalStateException failure;

    private TestPostgres() {
    }

    public static synchronized Endpoint get() {
        if (endpoint == null && failure == null) {
            try {
                endpoint = resolve();
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return endpoint;
    }

    private static Endpoint resolve() {
        String mode = env("CRM_TEST_DB", "auto");
        String url = env("CRM_TEST_JDBC_URL", null);
        String user = env("CRM_TEST_JDBC_USER", "postgres");
        String password = env("CRM_TEST_JDBC_PASSWORD", "");
        if (url != null && !mode.equals("docker")) {
            return freshDatabase(new Endpoint(url, user, password, "CRM_TEST_JDBC_URL"));
        }
        String dockerProblem = "not tried (CRM_TEST_DB=external)";
        if (!mode.equals("external")) {
            if (dockerAnswers() && DockerClientFactory.instance().isDockerAvailable()) {
                PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
                container.start();
                return new Endpoint(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                        "testcontainers");
            }
            dockerProblem = "no Docker engine answers";
            if (mode.equals("docker")) {
                throw new IllegalStateException("CRM_TEST_DB=docker but " + dockerProblem);
            }
        }
        String host = env("CRM_TEST_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("CRM_TEST_PG_PORT", "5432"));
        if (listening(host, port)) {
            return freshDatabase(new Endpoint("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password,
                    "local " + host + ":" + port));
        }
        throw new IllegalStateException("""
                No PostgreSQL for the integration tests:
                  - CRM_TEST_JDBC_URL is not set,
                  - Testcontainers: %s,
                  - nothing listens on %s:%d.
                Fix one of them: start a local server (`pg_ctlcluster 15 main start`; user postgres with trust
                authentication on 127.0.0.1), or start Docker, or export
                CRM_TEST_JDBC_URL=jdbc:postgresql://HOST:PORT/DB (with CRM_TEST_JDBC_USER and
                CRM_TEST_JDBC_PASSWORD; the user needs CREATEDB).""".formatted(dockerProblem, host, port));
    }

    /** Creates crm_test_<random> next to the given database, and drops it when the JVM exits. */
    private static Endpoint freshDatabase(Endpoint admin) {
        String name = "crm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test database on " + admin.jdbcUrl() + " ("
                    + admin.source() + "): " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.username(), admin.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                System.err.println("could not drop test database " + name + ": " + e.getMessage());
            }
        }));
        String url = admin.jdbcUrl().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Endpoint(url, admin.username(), admin.password(), admin.source() + " db=" + name);
    }

    /** Asking Testcontainers costs a logged stack of errors; look for an engine's socket or host first. */
    private static boolean dockerAnswers() {
        return System.getenv("DOCKER_HOST") != null || new java.io.File("/var/run/docker.sock").exists();
    }

    private static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
