package dev.crm.query;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * How projections write, so that every kind inherits the same economy of round trips.
 *
 * <p>Inside an event's handling ({@link #handling}: the processors' interceptor and the rebuilder open it) a
 * handler's statements are queued ({@link #update}) and sent together when the event is done: on PostgreSQL
 * as one multi-statement execution, which the driver sends in one round trip; on other databases (the
 * embedded H2) one by one. Outside of it (a test calling a handler) every statement runs at once. Statements run in the order they were queued, in the
 * transaction of the caller. A handler that needs a statement's count ({@link #updateCounted}) or reads
 * ({@link #jdbc()}) gets the queue flushed first, so it always sees its own writes.
 *
 * <p>{@link #updateKeeping} also keeps the row the statement wrote (PostgreSQL's {@code RETURNING *}) for
 * the command's caller ({@link #taken}), which then answers without reading the row again.
 */
@Component
public class ProjectionWrites {

    private record Statement(String sql, Object[] args, RowMapper<?> keep, Row key) {
    }

    /** Which row a kept row is: its table and its ID. */
    private record Row(String table, Object id) {
    }

    private final ThreadLocal<List<Statement>> queued = ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<Map<Row, Object>> kept = ThreadLocal.withInitial(HashMap::new);
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final boolean postgres;

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
        this.postgres = isPostgres(dataSource);
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(product);
        } catch (Exception e) {
            return false;
        }
    }

    /** A marker for what runs the statements queued while it runs; see {@link #handling}. */
    @FunctionalInterface
    public interface Handling<T> {
        T run() throws Exception;
    }

    /**
     * Runs an event's handling with its statements queued, then sends them; if the handling fails, what it
     * queued is dropped (its transaction rolls back). Nested calls send at the outermost end.
     */
    public <T> T handling(Handling<T> handling) throws Exception {
        int[] open = depth.get();
        open[0]++;
        boolean done = false;
        try {
            T result = handling.run();
            done = true;
            return result;
        } finally {
            open[0]--;
            if (open[0] == 0) {
                if (done) {
                    flush();
                } else {
                    discard();
                }
            }
        }
    }

    /** Queues a statement; it runs at the latest when the event has been handled. */
    public void update(String sql, Object... args) {
        queue(new Statement(sql, args, null, null));
    }

    private void queue(Statement statement) {
        queued.get().add(statement);
        if (depth.get()[0] == 0) {
            flush();
        }
    }

    /**
     * Queues a statement that writes the row {@code id} of {@code table}; on PostgreSQL the row as written is
     * kept for {@link #taken}. The statement must be an INSERT or UPDATE of that one row of that table.
     */
    public <T> void updateKeeping(String sql, RowMapper<T> row, String table, Object id, Object... args) {
        Row key = new Row(table, id);
        queue(new Statement(sql, args, postgres ? row : null, key));
    }

    /** Runs the queue, then this statement, and answers how many rows it changed. */
    public int updateCounted(String sql, Object... args) {
        flush();
        return jdbc.update(sql, args);
    }

    /** For reads inside a handler: the queue is run first, so they see the handler's own writes. */
    public JdbcTemplate jdbc() {
        flush();
        return jdbc;
    }

    /** Forgets what is queued (the handler failed; its transaction rolls back). */
    public void discard() {
        queued.get().clear();
    }

    /** Forgets the rows kept for the caller; a command's sender calls it before it sends. */
    public void forgetKept() {
        kept.get().clear();
    }

    /**
     * The row {@code id} of {@code table} as the last statement of this thread's command wrote it, if it was
     * kept; taken only once.
     */
    public <T> Optional<T> taken(String table, Object id, Class<T> type) {
        Object row = kept.get().remove(new Row(table, id));
        return type.isInstance(row) ? Optional.of(type.cast(row)) : Optional.empty();
    }

    /** Sends what is queued: one round trip on PostgreSQL. */
    public void flush() {
        List<Statement> statements = queued.get();
        if (statements.isEmpty()) {
            return;
        }
        List<Statement> sending = List.copyOf(statements);
        statements.clear();
        if (!postgres) {
            sending.forEach(s -> jdbc.update(s.sql(), s.args()));
            return;
        }
        if (sending.size() == 1 && sending.get(0).keep() == null) {
            jdbc.update(sending.get(0).sql(), sending.get(0).args());
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        for (Statement s : sending) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            sql.append(s.sql());
            if (s.keep() != null) {
                sql.append(" RETURNING *");
            }
            args.addAll(java.util.Arrays.asList(s.args()));
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            new ArgumentPreparedStatementSetter(args.toArray()).setValues(ps);
            boolean isResultSet = ps.execute();
            for (Statement s : sending) {
                if (isResultSet) {
                    keep(s, ps.getResultSet());
                }
                isResultSet = ps.getMoreResults();
            }
        } catch (SQLException e) {
            throw jdbc.getExceptionTranslator().translate("projection writes", sql.toString(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void keep(Statement statement, ResultSet rs) throws SQLException {
        if (statement.keep() != null && rs.next()) {
            kept.get().put(statement.key(), statement.keep().mapRow(rs, 0));
        }
    }
}
