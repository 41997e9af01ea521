package dev.crm.query;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * How projections write, so that every kind inherits the same economy of round trips.
 *
 * <p><b>Live</b> ({@link #handling}: the processors' interceptor opens it around each event) a handler's
 * statements are queued ({@link #update}) and sent together when the event is done: on PostgreSQL as one
 * multi-statement execution, which the driver sends in one round trip; on other databases (the embedded H2) one
 * by one. Outside of it (a test calling a handler) every statement runs at once. Statements run in the order
 * they were queued, in the transaction of the caller. A handler that needs a statement's count
 * ({@link #updateCounted}) or reads ({@link #jdbc()}) gets the queue flushed first, so it always sees its own
 * writes. {@link #updateKeeping} also keeps the row the statement wrote (PostgreSQL's {@code RETURNING *}) for
 * the command's caller ({@link #taken}), which then answers without reading the row again.
 *
 * <p><b>Replay</b> ({@link #replaying}: the rebuilder opens it around a whole batch of events) the statements
 * of every event of the batch are queued and sent at its end as JDBC batches, one {@code PreparedStatement}
 * per distinct SQL text with a row added per statement ({@code addBatch}); on PostgreSQL the rebuild's
 * connection may also rewrite a batch of inserts into multi-row inserts ({@code reWriteBatchedInserts}, see
 * {@link #insertIfAbsent}). Grouping by SQL text reorders statements, so the order that matters is kept by
 * what each statement declares it touches, its <em>rows</em> ({@link Row}: a table and a key):
 * <ul>
 * <li>A statement's rows must cover everything it reads or writes: the rows whose key it names, and any other
 * row its outcome depends on (a {@code NOT EXISTS} on another table, a unique constraint shared with other
 * keys). Two statements without a row in common then commute: running them in either order leaves the same
 * tables. A key may be coarse (one key for the whole table, {@code row("department_view", "*")}) when rows
 * are not independent, as department names are (a unique index over all departments).</li>
 * <li>The queue is cut into groups, each of one SQL text, run one after the other; a group runs its statements
 * in the order they were queued. Each statement joins the earliest group of its SQL text that comes no earlier
 * than the group of the last statement queued before it on any of its rows (or opens a new group at the end).
 * So for every row, its statements run in the order they were queued: a later one sits either in a later group
 * or later in the same group. The order sent is thus a permutation of the queue in which every two statements
 * that share a row keep their order; only statements without a row in common change places, and they commute.
 * Two orders that agree on every pair of statements that do not commute leave the same tables (the argument
 * of conflict-serializability: the one order turns into the other by swapping neighbours that commute), so the
 * batch writes exactly what running the queue in order writes. {@code ProjectionWritesReplayIT} checks it on
 * random sequences; the rebuild's tests compare a rebuild row for row with the live projections.</li>
 * <li>A statement queued without rows ({@link #update(String, Object...)}) is a barrier: it runs after
 * everything queued before it and before everything queued after it. Correct for any statement, but it cuts
 * the batch: projections declare rows for their statements.</li>
 * </ul>
 * A thousand creations of memos and tasks make three groups (the memos', the tasks' and the objects' rows); an
 * aggregate's thousand changes of one field make two. Nothing in a replay should need a statement's count or
 * read back its own writes: both send the queue first ({@link ReplayCounts#forcedFlushes} counts them), so
 * projections write their conditions into the SQL instead (see {@code FileProjection}). If a batch fails, the
 * rebuilder applies it again event by event, which names the failing event.
 */
@Component
public class ProjectionWrites {

    /**
     * What a statement touches in a replay: the rows of {@code table} with this key (a primary key, or a column
     * or value every row it touches shares). See the class comment.
     */
    public record Row(String table, Object key) {
        public Row {
            if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
                key = ((Number) key).longValue();
            }
        }
    }

    public static Row row(String table, Object key) {
        return new Row(table, key);
    }

    /**
     * An insert of a row unless its table already holds a row with the same key, for {@link #insertIfAbsent}:
     * on PostgreSQL {@code INSERT ... VALUES ... ON CONFLICT (key) DO NOTHING}, which a JDBC batch on a
     * connection with {@code reWriteBatchedInserts} sends as multi-row inserts; elsewhere (H2 does not take a
     * conflict target) {@code INSERT ... SELECT ... WHERE NOT EXISTS}. Either way only a conflict on the key is
     * forgiven; another unique constraint still fails the statement.
     */
    public static final class Insert {
        private final String table;
        private final int[] keys;
        private final String onConflict;
        private final String whereNotExists;

        private Insert(String table, String key, String columns) {
            List<String> names = Arrays.stream(columns.split(",")).map(String::trim).toList();
            List<String> keyNames = Arrays.stream(key.split(",")).map(String::trim).toList();
            this.table = table;
            this.keys = keyNames.stream().mapToInt(names::indexOf).toArray();
            if (Arrays.stream(keys).anyMatch(i -> i < 0)) {
                throw new IllegalArgumentException("the key " + key + " is not among the columns " + columns);
            }
            String marks = String.join(", ", Collections.nCopies(names.size(), "?"));
            this.onConflict = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks
                    + ") ON CONFLICT (" + String.join(", ", keyNames) + ") DO NOTHING";
            this.whereNotExists = "INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT " + marks
                    + " WHERE NOT EXISTS (SELECT 1 FROM " + table + " WHERE "
                    + String.join(" AND ", keyNames.stream().map(k -> k + " = ?").toList()) + ")";
        }

        Row row(Object[] values) {
            if (keys.length == 1) {
                return new Row(table, values[keys[0]]);
            }
            return new Row(table, Arrays.stream(keys).mapToObj(i -> values[i]).toList());
        }
    }

    /**
     * An insert into {@code table} of {@code columns} (comma-separated names), unless a row with the same
     * {@code key} (one or more of those columns, comma-separated) exists. Make it once, as a constant.
     */
    public static Insert insert(String table, String key, String columns) {
        return new Insert(table, key, columns);
    }

    /** What a replay sent; one per rebuild, added to by every batch. */
    public static final class ReplayCounts {
        /** Statements queued. */
        public long statements;
        /** Executions sent: one per group of one SQL text (a JDBC batch, or one statement). */
        public long executions;
        /** Flushes before the end of a batch, because a handler asked for a count or read. */
        public long forcedFlushes;
        /** Statements queued without rows (each one cuts the batch). */
        public long barriers;
        /** Of those, the ones queued with {@link #updateAcrossRows}: known to touch rows they cannot name. */
        public long rowsUnnamed;
        /** Batches whose statements failed together and were applied again event by event. */
        public long batchesAppliedAgain;
        /** Nanoseconds spent running the handlers (queueing), and sending the statements. */
        public long handlingNanos;
        public long sendingNanos;
        /** Nanoseconds the rebuild waited for the next batch of read events, and for its commits. */
        public long waitingNanos;
        public long committingNanos;
        /** Nanoseconds the rebuild waited for the sending of earlier batches. */
        public long waitingForSendingNanos;

        @Override
        public String toString() {
            return statements + " statements in " + executions + " executions (" + forcedFlushes + " forced flushes, "
                    + barriers + " statements without rows (" + rowsUnnamed + " of them across rows), " + batchesAppliedAgain + " batches applied again); "
                    + "handling " + handlingNanos / 1_000_000 + " ms, sending " + sendingNanos / 1_000_000 + " ms, "
                    + "waiting for the reader " + waitingNanos / 1_000_000 + " ms, for the sender "
                    + waitingForSendingNanos / 1_000_000 + " ms, committing " + committingNanos / 1_000_000 + " ms";
        }
    }

    private record Statement(String sql, Object[] args, RowMapper<?> keep, Row kept, List<Row> rows) {
    }

    /**
     * Where a replay's statements go when they must go before the end of their batch (a handler asked for a
     * count, or reads): the connection the batch is sent on, once everything sent before it has been sent.
     */
    @FunctionalInterface
    public interface ReplayConnection {
        Connection get() throws SQLException;
    }

    /** A replay's connection and counts; see {@link #collecting}. */
    private static final class Replay {
        final ReplayConnection connection;
        final ReplayCounts counts;
        Connection forced;
        JdbcTemplate template;

        Replay(ReplayConnection connection, ReplayCounts counts) {
            this.connection = connection;
            this.counts = counts;
        }
    }

    /** A batch's statements in the order they will be sent ({@link #send}); see the class comment. */
    public static final class Collected {
        private final List<Group> groups;

        private Collected(List<Group> groups) {
            this.groups = groups;
        }
    }

    private final ThreadLocal<List<Statement>> queued = ThreadLocal.withInitial(ArrayList::new);
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private final ThreadLocal<Map<Row, Object>> kept = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Replay> replay = new ThreadLocal<>();
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

    /** Whether the database is PostgreSQL (else H2 in its PostgreSQL mode). */
    public boolean postgres() {
        return postgres;
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

    /**
     * Runs a batch of a replay: every statement queued while {@code work} runs (handlings inside it included) is
     * sent at its end on {@code connection}, in the caller's transaction on it, as JDBC batches (see the class
     * comment); reads and counts inside it use that connection too. If {@code work} or the sending fails, the
     * rest of the queue is dropped and the exception thrown; the caller rolls the transaction back.
     */
    public void replaying(Connection connection, ReplayCounts counts, Handling<?> work) throws Exception {
        send(connection, collecting(counts, () -> connection, work), counts);
    }

    /**
     * The first half of {@link #replaying}, for a rebuild that sends on another thread: runs {@code work} with
     * every statement queued and answers them in the order {@link #send} will send them. Should a handler ask
     * for a count or read, what it queued so far is sent first on {@code connection} (which waits until what
     * was collected before has been sent); the rest of the batch goes with {@link #send}, in the same
     * transaction. If {@code work} fails, the queue is dropped and the exception thrown.
     */
    public Collected collecting(ReplayCounts counts, ReplayConnection connection, Handling<?> work) throws Exception {
        if (replay.get() != null || depth.get()[0] != 0) {
            throw new IllegalStateException("a replay cannot run inside an event's handling or another replay");
        }
        replay.set(new Replay(connection, counts));
        depth.get()[0] = 1;
        try {
            long start = System.nanoTime();
            work.run();
            List<Statement> statements = queued.get();
            Collected collected = new Collected(order(statements));
            statements.clear();
            counts.handlingNanos += System.nanoTime() - start;
            return collected;
        } finally {
            depth.get()[0] = 0;
            discard();
            replay.remove();
        }
    }

    /** The second half of {@link #replaying}: sends what {@link #collecting} answered, on {@code connection}. */
    public void send(Connection connection, Collected collected, ReplayCounts counts) {
        long start = System.nanoTime();
        sendGroups(connection, collected.groups, counts);
        counts.sendingNanos += System.nanoTime() - start;
    }

    /**
     * Queues a statement whose rows are not declared; it runs at the latest when the event has been handled. In
     * a replay it is a barrier (see the class comment): declare its rows with {@link #update(Row, String, Object...)}.
     */
    public void update(String sql, Object... args) {
        queue(new Statement(sql, args, null, null, null));
    }

    /**
     * Queues a statement that reads or writes rows it cannot name when it is queued (rows that other rows point
     * to, found by the SQL): like {@link #update(String, Object...)}, a barrier in a replay, but one on purpose.
     */
    public void updateAcrossRows(String sql, Object... args) {
        Replay r = replay.get();
        if (r != null) {
            r.counts.rowsUnnamed++;
        }
        update(sql, args);
    }

    /** Queues a statement that reads and writes only {@code row}. */
    public void update(Row row, String sql, Object... args) {
        queue(new Statement(sql, args, null, null, List.of(row)));
    }

    /** Queues a statement that reads and writes only these rows. */
    public void update(List<Row> rows, String sql, Object... args) {
        queue(new Statement(sql, args, null, null, List.copyOf(rows)));
    }

    /** Queues {@code insert} of a row with these values (in the order of its columns). */
    public void insertIfAbsent(Insert insert, Object... values) {
        queue(insertStatement(insert, values, null));
    }

    /**
     * {@link #insertIfAbsent}, keeping the row as written for {@link #taken} (on PostgreSQL; its key is one
     * column).
     */
    public <T> void insertKeepingIfAbsent(Insert insert, RowMapper<T> row, Object... values) {
        queue(insertStatement(insert, values, postgres ? row : null));
    }

    private Statement insertStatement(Insert insert, Object[] values, RowMapper<?> keep) {
        Row row = insert.row(values);
        if (postgres) {
            return new Statement(insert.onConflict, values, keep, row, List.of(row));
        }
        Object[] args = Arrays.copyOf(values, values.length + insert.keys.length);
        for (int i = 0; i < insert.keys.length; i++) {
            args[values.length + i] = values[insert.keys[i]];
        }
        return new Statement(insert.whereNotExists, args, keep, row, List.of(row));
    }

    private void queue(Statement statement) {
        queued.get().add(statement);
        Replay r = replay.get();
        if (r != null) {
            r.counts.statements++;
            if (statement.rows() == null) {
                r.counts.barriers++;
            }
        } else if (depth.get()[0] == 0) {
            flush();
        }
    }

    /**
     * Queues a statement that writes the row {@code id} of {@code table}; on PostgreSQL the row as written is
     * kept for {@link #taken}. The statement must be an INSERT or UPDATE of that one row of that table, and
     * read no other.
     */
    public <T> void updateKeeping(String sql, RowMapper<T> row, String table, Object id, Object... args) {
        Row key = new Row(table, id);
        queue(new Statement(sql, args, postgres ? row : null, key, List.of(key)));
    }

    /** Runs the queue, then this statement, and answers how many rows it changed. */
    public int updateCounted(String sql, Object... args) {
        return jdbc().update(sql, args);
    }

    /** For reads inside a handler: the queue is run first, so they see the handler's own writes. */
    public JdbcTemplate jdbc() {
        Replay r = replay.get();
        if (r == null) {
            flush();
            return jdbc;
        }
        flush();
        if (r.template == null) {
            r.template = new JdbcTemplate(new SingleConnectionDataSource(forced(r), true));
            r.template.setExceptionTranslator(jdbc.getExceptionTranslator());
        }
        return r.template;
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

    /** Sends what is queued: one round trip on PostgreSQL; JDBC batches in a replay. */
    public void flush() {
        List<Statement> statements = queued.get();
        if (statements.isEmpty()) {
            return;
        }
        List<Statement> sending = List.copyOf(statements);
        statements.clear();
        Replay r = replay.get();
        if (r != null) {
            // before the end of a replay's batch: a handler needs a count or reads
            r.counts.forcedFlushes++;
            sendGroups(forced(r), order(sending), r.counts);
            return;
        }
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
            args.addAll(Arrays.asList(s.args()));
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

    /** The connection a replay's statements go to before the end of their batch; see {@link ReplayConnection}. */
    private Connection forced(Replay r) {
        if (r.forced == null) {
            try {
                r.forced = r.connection.get();
            } catch (SQLException e) {
                throw jdbc.getExceptionTranslator().translate("projection writes (replay)", null, e);
            }
        }
        return r.forced;
    }

    private void keep(Statement statement, ResultSet rs) throws SQLException {
        if (statement.keep() != null && rs.next()) {
            kept.get().put(statement.kept(), statement.keep().mapRow(rs, 0));
        }
    }

    /** A group of a replay's flush: statements of one SQL text, in the order they were queued. */
    private static final class Group {
        final String sql;
        final List<Statement> statements = new ArrayList<>();

        Group(String sql) {
            this.sql = sql;
        }
    }

    private static List<Group> order(List<Statement> statements) {
        List<Group> groups = new ArrayList<>();
        Map<String, List<Integer>> bySql = new HashMap<>();
        Map<Row, Integer> lastOfRow = new HashMap<>();
        int floor = 0;
        for (Statement s : statements) {
            int earliest = floor;
            if (s.rows() == null) {
                earliest = Math.max(0, groups.size() - 1);
            } else {
                for (Row row : s.rows()) {
                    Integer last = lastOfRow.get(row);
                    if (last != null && last > earliest) {
                        earliest = last;
                    }
                }
            }
            List<Integer> candidates = bySql.computeIfAbsent(s.sql(), k -> new ArrayList<>());
            int at = firstAtOrAfter(candidates, earliest);
            int position;
            if (at < candidates.size()) {
                position = candidates.get(at);
            } else {
                groups.add(new Group(s.sql()));
                position = groups.size() - 1;
                candidates.add(position);
            }
            groups.get(position).statements.add(s);
            if (s.rows() == null) {
                floor = position;
            } else {
                for (Row row : s.rows()) {
                    lastOfRow.put(row, position);
                }
            }
        }
        return groups;
    }

    /** The index of the first of these ascending positions that is at least {@code position}. */
    private static int firstAtOrAfter(List<Integer> positions, int position) {
        int low = 0;
        int high = positions.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (positions.get(mid) < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void sendGroups(Connection connection, List<Group> groups, ReplayCounts counts) {
        for (Group group : groups) {
            try (PreparedStatement ps = connection.prepareStatement(group.sql)) {
                if (group.statements.size() == 1) {
                    set(ps, group.statements.get(0).args());
                    ps.executeUpdate();
                } else {
                    for (Statement s : group.statements) {
                        set(ps, s.args());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                counts.executions++;
            } catch (SQLException e) {
                throw jdbc.getExceptionTranslator().translate("projection writes (replay)", group.sql, e);
            }
        }
    }

    /**
     * Binds a statement's arguments as Spring's {@code JdbcTemplate} binds them (so a replay writes what the live
     * path writes), without its per-argument type lookups for the common types: strings, numbers, booleans, and
     * on PostgreSQL nulls of no declared type (what Spring sends for them there); anything else through Spring.
     */
    private void set(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object value = args[i];
            int index = i + 1;
            if (value instanceof String text) {
                ps.setString(index, text);
            } else if (value instanceof Long number) {
                ps.setLong(index, number);
            } else if (value instanceof Integer number) {
                ps.setInt(index, number);
            } else if (value instanceof Boolean flag) {
                ps.setBoolean(index, flag);
            } else if (value instanceof OffsetDateTime time) {
                ps.setObject(index, time);
            } else if (value == null && postgres) {
                ps.setNull(index, Types.NULL);
            } else {
                StatementCreatorUtils.setParameterValue(ps, index, SqlTypeValue.TYPE_UNKNOWN, value);
            }
        }
    }
}
