package dev.crm.web.config;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health component {@code eventStore}: the event store can be read, and, on the embedded H2 database, its
 * storage is still open. Spring Boot's {@code db} check only asks the driver whether a connection is valid,
 * and H2 says yes for a connection whose database closed after a failed write: the service then answered
 * every call with 503 while health said UP. Reading alone is not enough either: after such a failure H2 may
 * still answer a read from the pages it holds in memory, while every write fails.
 */
@Component("eventStore")
class EventStoreHealth extends AbstractHealthIndicator {

    private final DataSource dataSource;

    EventStoreHealth(DataSource dataSource) {
        super("the event store cannot be read");
        this.dataSource = dataSource;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String closed = closedEmbeddedStore(connection);
            if (closed != null) {
                builder.down().withDetail("error", closed);
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(2);
                try (ResultSet last = statement.executeQuery("SELECT MAX(globalindex) FROM domainevententry")) {
                    last.next();
                    builder.up().withDetail("position", last.getLong(1));
                }
            }
        }
    }

    /** Why the embedded database in this JVM can no longer store anything, or null (also for other databases). */
    private static String closedEmbeddedStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        Database database = session.getDatabase();
        MVStore store = database.getStore().getMvStore();
        if (!store.isClosed() && !database.isClosing()) {
            return null;
        }
        return "the embedded database has closed" + (store.getPanicException() == null ? ""
                : ": " + store.getPanicException().getMessage());
    }
}
