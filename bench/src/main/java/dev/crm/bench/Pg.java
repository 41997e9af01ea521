package dev.crm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL server the benchmark and the process-level tests use: {@code CRM_TEST_JDBC_URL}-style
 * settings ({@code CRM_BENCH_PG_URL}, user, password) or 127.0.0.1:5432 as postgres. Each run makes its
 * own {@code crm_bench_*} databases and drops them afterwards.
 */
public final class Pg {

    private static final String ADMIN_URL = setting("CRM_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = setting("CRM_BENCH_PG_USER", "postgres");
    public static final String PASSWORD = setting("CRM_BENCH_PG_PASSWORD", "");

    private Pg() {
    }

    /** Creates a fresh database {@code crm_bench_<purpose>_<random>} and returns its JDBC URL. */
    public static String createDatabase(String purpose) {
        String name = "crm_bench_" + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("""
                    Cannot create a database on %s: %s
                    The benchmark and the process-level tests need PostgreSQL: start it
                    (`pg_ctlcluster 15 main start`, user postgres with trust authentication on 127.0.0.1) or set
                    CRM_BENCH_PG_URL (with CRM_BENCH_PG_USER, CRM_BENCH_PG_PASSWORD; the user needs CREATEDB)."""
                    .formatted(ADMIN_URL, e.getMessage()), e);
        }
        return ADMIN_URL.replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
    }

    public static void dropDatabase(String url) {
        String name = url.replaceFirst("^.*/([^/?]*)(\\?.*)?$", "$1");
        try (Connection c = admin(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop " + name + ": " + e.getMessage());
        }
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, USER, PASSWORD);
    }

    public static String serverVersion() {
        try (Connection c = admin(); Statement s = c.createStatement(); var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
