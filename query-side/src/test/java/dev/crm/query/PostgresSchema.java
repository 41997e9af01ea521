package dev.crm.query;

import dev.crm.query.replay.ReadModelRebuilder;
import dev.crm.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh schema on the tests' PostgreSQL ({@link TestPostgres}), with this module's migrations applied by
 * Flyway (the common ones and PostgreSQL's own, as the application's {@code spring.flyway.locations} picks them):
 * one per test class, so no test class sees another's rows. {@link #close()} drops it.
 */
public final class PostgresSchema implements AutoCloseable {

    public final String name;
    public final SingleConnectionDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final NamedParameterJdbcTemplate named;
    /** How the projections write (statements run at once outside {@link ProjectionWrites#handling}). */
    public final ProjectionWrites writes;

    private PostgresSchema(String name, SingleConnectionDataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.writes = new ProjectionWrites(jdbc);
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    public static PostgresSchema fresh() {
        TestPostgres.Endpoint db = TestPostgres.get();
        String schema = "qs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway.configure().dataSource(db.jdbcUrl(), db.username(), db.password()).schemas(schema)
                .defaultSchema(schema).locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new PostgresSchema(schema, new SingleConnectionDataSource(url, db.username(), db.password(), true));
    }

    /**
     * A connection of its own to this schema, with more driver parameters ({@code name=value&...}, or empty), as
     * the application opens one for a rebuild; the caller closes it.
     */
    public java.sql.Connection connect(String parameters) throws java.sql.SQLException {
        String url = dataSource.getUrl() + (parameters.isEmpty() ? "" : "&" + parameters);
        return java.sql.DriverManager.getConnection(url, dataSource.getUsername(), dataSource.getPassword());
    }

    public DataSourceTransactionManager transactions() {
        return new DataSourceTransactionManager(dataSource);
    }

    /** Empties every read-model table, as {@link ReadModelRebuilder#rebuild()} does before it replays. */
    public void clearReadModels() {
        ReadModels.on(this).tables().forEach(table -> jdbc.update("DELETE FROM " + table));
    }

    /**
     * Every row of every read-model table, each row as "column=value, …", sorted: two snapshots are equal
     * exactly when the tables hold the same rows.
     */
    public Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : ReadModels.on(this).tables()) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                Map<String, Object> ordered = new LinkedHashMap<>(new TreeMap<>(row));
                ordered.replaceAll((column, value) -> value instanceof java.sql.Timestamp t ? t.toInstant() : value);
                rows.add(ordered.toString());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    public long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Override
    public void close() {
        try {
            jdbc.execute("DROP SCHEMA " + name + " CASCADE");
        } finally {
            dataSource.destroy();
        }
    }
}
