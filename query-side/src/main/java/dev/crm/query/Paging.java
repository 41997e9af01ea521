package dev.crm.query;

import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementCreatorFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Reads a page of a list and how many rows the list holds, for every paged list of the query side.
 *
 * <p>The count is bounded: it stops after {@code countLimit} rows ({@value #COUNT_LIMIT} by default, {@code
 * crm.lists.count-limit}), or at the end of the page asked for when that is further, so a list over half a million
 * rows costs a count of a thousand, not of half a million. Past that bound the page says "more than {@code total}"
 * ({@link Page#totalExact()} false). A page that is not full needs no count at all: the list ends on it.
 */
@Component
public class Paging {

    /**
     * How many rows a list counts before it says "more than that" (further when the page asked for ends
     * further). Measured on 10^6 objects (docs/benchmarks.md, "Lists after issue 12"): counting 10,000 rows a non-privileged user
     * may see, or that hold a common word, takes tens of milliseconds; 1,000 stay within a few.
     */
    public static final int COUNT_LIMIT = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final int countLimit;

    @Autowired
    public Paging(NamedParameterJdbcTemplate jdbc, @Value("${crm.lists.count-limit:" + COUNT_LIMIT + "}") int countLimit) {
        if (countLimit < 1) {
            throw new IllegalArgumentException("crm.lists.count-limit must be 1 or more, not " + countLimit);
        }
        this.jdbc = jdbc;
        this.countLimit = countLimit;
    }

    public Paging(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, COUNT_LIMIT);
    }

    /** The page number asked for, 0 or more. */
    public static int number(int page) {
        return Math.max(0, page);
    }

    /** The page size asked for, from 1 to {@link Page#MAX_SIZE}. */
    public static int size(int size) {
        return Math.max(1, Math.min(size, Page.MAX_SIZE));
    }

    /**
     * One page of {@code SELECT columns FROM from where ORDER BY orderBy} and its bounded count. {@code where}
     * is empty or starts with " WHERE"; its parameters are in {@code params}, to which this adds
     * {@code limit}, {@code offset} and {@code countLimit}. {@code orderBy} must end with a unique key so
     * that pages never overlap. Page number and size are clamped ({@link #number}, {@link #size}).
     */
    public <T> Page<T> page(String columns, String from, CharSequence where, MapSqlParameterSource params,
                            String orderBy, RowMapper<T> row, int page, int size) {
        int pageSize = size(size);
        int pageNumber = number(page);
        long offset = (long) pageNumber * pageSize;
        params.addValue("limit", pageSize).addValue("offset", offset);
        List<T> items = jdbc.getJdbcOperations().query(plannedForItsValues("SELECT " + columns + " FROM " + from + where
                + " ORDER BY " + orderBy + " LIMIT :limit OFFSET :offset", params), row);
        if (items.size() < pageSize && (!items.isEmpty() || offset == 0)) {
            // the list ends on this page
            return new Page<>(items, offset + items.size(), true, pageNumber, pageSize);
        }
        // count the rows up to one past the bound: more than the bound says "more than bound"
        long bound = Math.max(countLimit, offset + pageSize);
        params.addValue("countLimit", bound + 1);
        Long counted = jdbc.getJdbcOperations().query(plannedForItsValues("SELECT COUNT(*) FROM (SELECT 1 AS one FROM "
                + from + where + " LIMIT :countLimit) counted", params), rs -> rs.next() ? rs.getLong(1) : 0L);
        long rows = counted == null ? 0 : counted;
        return rows > bound ? new Page<>(items, bound, false, pageNumber, pageSize)
                : new Page<>(items, rows, true, pageNumber, pageSize);
    }

    /**
     * The first {@code max} rows of {@code SELECT columns FROM from where ORDER BY orderBy}, without a count: for
     * a caller that shows no total (the search bar), which would otherwise pay the bounded count whenever the rows
     * fill {@code max} (a scan up to {@link #COUNT_LIMIT} matches). Adds {@code limit} to {@code params}.
     */
    public <T> List<T> first(String columns, String from, CharSequence where, MapSqlParameterSource params,
                             String orderBy, RowMapper<T> row, int max) {
        params.addValue("limit", size(max));
        return jdbc.getJdbcOperations().query(plannedForItsValues("SELECT " + columns + " FROM " + from + where
                + " ORDER BY " + orderBy + " LIMIT :limit", params), row);
    }

    /**
     * The statement, planned for its own values every time it runs. PostgreSQL's JDBC driver prepares a statement
     * on the server after five runs, and the server then may keep one plan for any values (a generic plan) when
     * it looks no dearer than the plans it made so far. For a list no single plan fits every value: a user who
     * sees a tenth of the tasks is best served by walking the list's order, one who sees a few hundred by starting
     * from their rows; a common word by the order, a rare one by the trigram index. Measured: a generic plan made
     * the count of a user with 1,000 tasks read the whole table (170–350 ms instead of 5–10). A list's planning
     * costs well under a millisecond.
     */
    private static PreparedStatementCreator plannedForItsValues(String sql, SqlParameterSource params) {
        ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
        String jdbcSql = NamedParameterUtils.substituteNamedParameters(parsed, params);
        Object[] values = NamedParameterUtils.buildValueArray(parsed, params, null);
        PreparedStatementCreator creator = new PreparedStatementCreatorFactory(jdbcSql,
                NamedParameterUtils.buildSqlParameterList(parsed, params)).newPreparedStatementCreator(values);
        return connection -> {
            PreparedStatement statement = creator.createPreparedStatement(connection);
            if (PREPARE_THRESHOLD != null && statement.isWrapperFor(PREPARE_THRESHOLD.getDeclaringClass())) {
                try {
                    // 0: never prepared on the server, so planned with its values each time
                    PREPARE_THRESHOLD.invoke(statement.unwrap(PREPARE_THRESHOLD.getDeclaringClass()), 0);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot set the statement's prepare threshold", e);
                }
            }
            return statement;
        };
    }

    /** {@code org.postgresql.PGStatement#setPrepareThreshold}, when that driver is there. */
    private static final Method PREPARE_THRESHOLD = prepareThreshold();

    private static Method prepareThreshold() {
        try {
            return Class.forName("org.postgresql.PGStatement", false, Paging.class.getClassLoader())
                    .getMethod("setPrepareThreshold", int.class);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
