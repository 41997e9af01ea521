package dev.crm.query;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
     * further). Measured on 10^6 objects (docs/benchmarks.md, "Lists"): counting 10,000 rows a non-privileged user
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
        List<T> items = jdbc.query("SELECT " + columns + " FROM " + from + where + " ORDER BY " + orderBy
                + " LIMIT :limit OFFSET :offset", params, row);
        if (items.size() < pageSize && (!items.isEmpty() || offset == 0)) {
            // the list ends on this page
            return new Page<>(items, offset + items.size(), true, pageNumber, pageSize);
        }
        // count the rows up to one past the bound: more than the bound says "more than bound"
        long bound = Math.max(countLimit, offset + pageSize);
        params.addValue("countLimit", bound + 1);
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 AS one FROM " + from + where
                + " LIMIT :countLimit) counted", params, Long.class);
        long rows = counted == null ? 0 : counted;
        return rows > bound ? new Page<>(items, bound, false, pageNumber, pageSize)
                : new Page<>(items, rows, true, pageNumber, pageSize);
    }
}
