package dev.crm.query;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Counts the database round trips made through a {@link DataSource}: each execution of a statement or a batch
 * is one, and so is a commit or rollback of a transaction that ran something. (That is how the PostgreSQL
 * driver talks: it opens a transaction with the first statement, and a multi-statement execution or a batch
 * goes out in one exchange.) {@link #wrap} puts the counter around a data source; every round trip is then
 * told to the {@code listener} (all of them: the metric {@code crm.sql.round-trips}, opt-in) and recorded for
 * the current thread while it counts ({@link #start()} … {@link Tally#stop()}: the tests' budget per request).
 */
public final class RoundTrips {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    private RoundTrips() {
    }

    /** What one piece of work sent, in order: its SQL, or {@code COMMIT}/{@code ROLLBACK}. */
    public static final class Tally {
        private final List<String> sent = new ArrayList<>();
        private boolean stopped;

        /** Stops counting on this thread and answers the round trips. */
        public List<String> stop() {
            if (RECORDED.get() == sent) {
                RECORDED.remove();
            }
            stopped = true;
            return List.copyOf(sent);
        }

        public boolean stopped() {
            return stopped;
        }
    }

    /** Starts counting the round trips of this thread. */
    public static Tally start() {
        Tally tally = new Tally();
        RECORDED.set(tally.sent);
        return tally;
    }

    private static void record(String what, Runnable listener) {
        listener.run();
        List<String> sent = RECORDED.get();
        if (sent != null) {
            sent.add(what);
        }
    }

    /** The data source, counting; {@code listener} hears of every round trip. */
    public static DataSource wrap(DataSource dataSource, Runnable listener) {
        return proxy(DataSource.class, dataSource, (target, method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection c ? connection(c, listener) : result;
        });
    }

    private static Connection connection(Connection connection, Runnable listener) {
        boolean[] open = new boolean[1];
        return proxy(Connection.class, connection, (target, method, args) -> {
            Object result = invoke(target, method, args);
            switch (method.getName()) {
                case "commit", "rollback" -> {
                    if (open[0] && (args == null || args.length == 0)) {
                        record(method.getName().toUpperCase(), listener);
                    }
                    open[0] = false;
                }
                case "setAutoCommit" -> open[0] = false;
                case "prepareStatement" -> {
                    return statement(PreparedStatement.class, (Statement) result, (String) args[0], connection, open, listener);
                }
                case "createStatement" -> {
                    return statement(Statement.class, (Statement) result, null, connection, open, listener);
                }
                default -> {
                }
            }
            return result;
        });
    }

    private static <S extends Statement> S statement(Class<S> type, Statement statement, String sql, Connection connection,
                                                     boolean[] open, Runnable listener) {
        return proxy(type, type.cast(statement), (target, method, args) -> {
            Object result = invoke(target, method, args);
            if (EXECUTIONS.contains(method.getName())) {
                record(sql != null ? sql : args != null && args.length > 0 ? String.valueOf(args[0]) : "batch", listener);
                open[0] = !connection.getAutoCommit();
            }
            return result;
        });
    }

    @FunctionalInterface
    private interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") && args[0] instanceof Class<?> c && c.isInstance(p)) {
                return p;
            }
            return handler.handle(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, h));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
