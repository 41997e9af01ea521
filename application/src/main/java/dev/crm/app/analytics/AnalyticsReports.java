package dev.crm.app.analytics;

import dev.crm.shared.access.AnalyticsAccess.Report;
import dev.crm.shared.payment.PaymentStatus;
import dev.crm.shared.reference.ReferenceKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The eight reports as aggregate queries over the analytics tables ({@link AnalyticsProjection}): each a few
 * {@code GROUP BY}s over rows found through an index on the period's column, whatever the size of the store. Money is
 * converted to the state currency at the rate in force on the payment's day ({@code anl_rate}: the last rate set before
 * that day ended in the report's zone), else at the currency's current rate; an amount in an unknown currency counts as
 * it is. Requests that are duplicates or cases are left out; a deal is won when it was closed for a success reason or
 * at a success stage, lost when closed otherwise.
 */
@Component
public class AnalyticsReports {

    /** Who and what a report counts: the period (days in {@code zone}), the departments (null: all) and an owner. */
    public record Scope(LocalDate from, LocalDate to, ZoneId zone, Collection<Long> departments, String self,
                        String owner, LocalDate today) {
    }

    private static final String RECEIVED = PaymentStatus.RECEIVED.apiName();
    private static final String NOT_SPECIFIED = "not specified";
    /** The columns named after a kind, as domain.md names them. */
    private static final String PRODUCT = dev.crm.shared.product.ProductKind.NAME;
    private static final String STAGE = ReferenceKind.STAGE.kind().name();
    /** The currency columns (named after the kind). */
    private static final String CURRENCY = ReferenceKind.CURRENCY.kind().name();

    private final NamedParameterJdbcTemplate jdbc;

    public AnalyticsReports(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    public ReportTable report(Report report, Scope scope) {
        return switch (report) {
            case INCOME -> income(scope);
            case SALES -> sales(scope);
            case REQUESTS -> requests(scope);
            case LEAD_SOURCES -> leadSources(scope);
            case CONVERSION -> conversion(scope);
            case CLOSING_REASONS -> closingReasons(scope);
            case DEALS -> deals(scope);
            case FUNNEL -> funnel(scope);
        };
    }

    /** The state currency's code (null when there is none). */
    public String stateCurrency() {
        List<String> codes = jdbc.getJdbcTemplate().queryForList(
                "SELECT code FROM anl_currency WHERE state AND NOT deleted ORDER BY id", String.class);
        return codes.isEmpty() ? null : codes.get(0);
    }

    // ---- the parts every query shares

    private MapSqlParameterSource params(Scope s, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = new MapSqlParameterSource();
        p.addValue("from", Date.valueOf(from));
        p.addValue("to", Date.valueOf(to));
        p.addValue("fromTs", Timestamp.from(from.atStartOfDay(s.zone()).toInstant()));
        p.addValue("toTs", Timestamp.from(to.plusDays(1).atStartOfDay(s.zone()).toInstant()));
        p.addValue("zone", s.zone().getId());
        p.addValue("departments", s.departments() == null || s.departments().isEmpty() ? List.of(-1L) : s.departments());
        p.addValue("self", s.self());
        p.addValue("owner", s.owner());
        return p;
    }

    /** The rows of {@code alias} the scope reaches: its departments (or the caller's own rows), and the owner. */
    private static String reach(Scope s, String alias) {
        StringBuilder sql = new StringBuilder();
        if (s.departments() != null) {
            sql.append(" AND (").append(alias).append(".department IN (:departments) OR ").append(alias)
                    .append(".owner = :self)");
        }
        if (s.owner() != null) {
            sql.append(" AND ").append(alias).append(".owner = :owner");
        }
        return sql.toString();
    }

    /** The payments of a period with their day (their date, else the day they were added, in the zone). */
    private String payments(Scope s) {
        return """
                pay AS (
                  SELECT p.id, p.deal, p.status, p.amount, p.currency,
                         COALESCE(p.paid_on, """ + localDate("p.created_at") + """
                ) AS pay_day
                  FROM anl_payment p
                  WHERE NOT p.deleted
                    AND (p.paid_on BETWEEN :from AND :to
                         OR p.paid_on IS NULL AND p.created_at >= :fromTs AND p.created_at < :toTs)""" + reach(s, "p")
                + ")";
    }

    /** The day of an instant column in the zone {@code :zone}, in the database's own words. */
    private String localDate(String column) {
        return h2() ? "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', :zone) AS DATE)"
                : "CAST((" + column + " AT TIME ZONE :zone) AS DATE)";
    }

    /** Seconds from one instant column to another, in the database's own words. */
    private String seconds(String from, String to) {
        return h2() ? "DATEDIFF('SECOND', " + from + ", " + to + ")" : "EXTRACT(EPOCH FROM (" + to + " - " + from + "))";
    }

    private volatile Boolean h2;

    private boolean h2() {
        if (h2 == null) {
            h2 = jdbc.getJdbcTemplate().execute((java.sql.Connection c) ->
                    c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2"));
        }
        return h2;
    }

    /**
     * The rates to the state currency, with their history: {@link #convert} takes an amount of a day to the state
     * currency at the rate in force when that day ended in the zone (the last one set before), else at the current
     * rate; an unknown currency counts as it is. One read of the small currency tables per report.
     */
    private final class Rates {
        private final Map<String, BigDecimal> current = new HashMap<>();
        private final Map<String, java.util.TreeMap<java.time.Instant, BigDecimal>> history = new HashMap<>();
        private final ZoneId zone;

        Rates(ZoneId zone) {
            this.zone = zone;
            jdbc.getJdbcTemplate().query("SELECT c.code, c.rate AS current_rate, r.valid_from, r.rate FROM anl_currency c "
                    + "LEFT JOIN anl_rate r ON r.currency_id = c.id WHERE NOT c.deleted", rs -> {
                String code = rs.getString("code");
                if (rs.getBigDecimal("current_rate") != null) {
                    current.put(code, rs.getBigDecimal("current_rate"));
                }
                Timestamp from = rs.getTimestamp("valid_from");
                if (from != null) {
                    history.computeIfAbsent(code, k -> new java.util.TreeMap<>()).put(from.toInstant(),
                            rs.getBigDecimal("rate"));
                }
            });
        }

        BigDecimal convert(BigDecimal amount, String currency, LocalDate day) {
            if (amount == null) {
                return BigDecimal.ZERO;
            }
            BigDecimal rate = null;
            java.util.TreeMap<java.time.Instant, BigDecimal> rates = history.get(currency);
            if (rates != null && day != null) {
                Map.Entry<java.time.Instant, BigDecimal> then = rates.lowerEntry(day.plusDays(1).atStartOfDay(zone)
                        .toInstant());
                rate = then == null ? null : then.getValue();
            }
            if (rate == null) {
                rate = current.getOrDefault(currency, BigDecimal.ONE);
            }
            return amount.multiply(rate);
        }
    }

    /** Whether deal row {@code d} was won ({@code cr}: its closing reason's row, {@code cs}: its closing stage's). */
    private static final String WON = "(d.closed_at IS NOT NULL AND (COALESCE(cr.success, FALSE) OR COALESCE(cs.success, FALSE)))";
    private static final String DEAL_MARKS = " LEFT JOIN anl_reference cr ON cr.id = d.closing_reason "
            + "LEFT JOIN anl_reference cs ON cs.id = d.closing_stage ";

    private static BigDecimal money(Object value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(value.toString()).setScale(2, RoundingMode.HALF_UP);
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static ReportTable table(Report report, Map<String, Object> json, List<String> columns,
                                     List<Map<String, Object>> rows) {
        List<List<Object>> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            cells.add(columns.stream().map(row::get).toList());
        }
        return new ReportTable(report.path(), json, columns, cells);
    }

    // ---- income

    private ReportTable income(Scope s) {
        MapSqlParameterSource p = params(s, s.from(), s.to());
        p.addValue("received", RECEIVED);
        Rates rates = new Rates(s.zone());
        Map<String, BigDecimal> byMonth = new HashMap<>();
        jdbc.query("WITH " + payments(s) + " SELECT pay.currency, pay.pay_day, SUM(pay.amount) AS amount FROM pay "
                + "WHERE pay.status = :received GROUP BY pay.currency, pay.pay_day", p, rs -> {
                    LocalDate day = rs.getDate("pay_day").toLocalDate();
                    byMonth.merge(YearMonth.from(day).toString(),
                            rates.convert(rs.getBigDecimal("amount"), rs.getString(CURRENCY), day), BigDecimal::add);
                });
        byMonth.replaceAll((month, amount) -> money(amount));
        List<Map<String, Object>> months = new ArrayList<>();
        BigDecimal received = BigDecimal.ZERO.setScale(2);
        for (YearMonth m = YearMonth.from(s.from()); !m.isAfter(YearMonth.from(s.to())); m = m.plusMonths(1)) {
            BigDecimal amount = byMonth.getOrDefault(m.toString(), BigDecimal.ZERO.setScale(2));
            received = received.add(amount);
            months.add(row("month", m.toString(), "received", amount));
        }
        // the forecast: expected payments of the current month and the next two
        YearMonth now = YearMonth.from(s.today());
        MapSqlParameterSource f = params(s, now.atDay(1), now.plusMonths(2).atEndOfMonth());
        f.addValue("received", RECEIVED);
        Map<String, Map<String, BigDecimal>> expected = new HashMap<>();
        jdbc.query("WITH " + payments(s) + " SELECT pay.currency, pay.pay_day, pay.status, SUM(pay.amount) AS amount "
                + "FROM pay WHERE pay.status <> :received GROUP BY pay.currency, pay.pay_day, pay.status", f, rs -> {
                    LocalDate day = rs.getDate("pay_day").toLocalDate();
                    expected.computeIfAbsent(YearMonth.from(day).toString(), k -> new HashMap<>())
                            .merge(rs.getString("status"), rates.convert(rs.getBigDecimal("amount"),
                                    rs.getString(CURRENCY), day), BigDecimal::add);
                });
        expected.values().forEach(of -> of.replaceAll((status, amount) -> money(amount)));
        List<Map<String, Object>> forecast = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            YearMonth m = now.plusMonths(i);
            Map<String, BigDecimal> of = expected.getOrDefault(m.toString(), Map.of());
            BigDecimal zero = BigDecimal.ZERO.setScale(2);
            forecast.add(row("month", m.toString(),
                    "guaranteed", of.getOrDefault(PaymentStatus.GUARANTEED.apiName(), zero),
                    "highProbability", of.getOrDefault(PaymentStatus.HIGH_PROBABILITY.apiName(), zero),
                    "lowProbability", of.getOrDefault(PaymentStatus.LOW_PROBABILITY.apiName(), zero)));
        }
        Map<String, Object> json = row("received", received, "months", months, "forecast", forecast);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> m : months) {
            rows.add(new LinkedHashMap<>(m));
        }
        for (Map<String, Object> m : forecast) {
            Map<String, Object> existing = rows.stream().filter(r -> r.get("month").equals(m.get("month"))).findFirst()
                    .orElse(null);
            if (existing == null) {
                existing = row("month", m.get("month"));
                rows.add(existing);
            }
            existing.putAll(m);
        }
        return table(Report.INCOME, json,
                List.of("month", "received", "guaranteed", "highProbability", "lowProbability"), rows);
    }

    // ---- sales

    private ReportTable sales(Scope s) {
        MapSqlParameterSource p = params(s, s.from(), s.to());
        p.addValue("received", RECEIVED);
        Rates rates = new Rates(s.zone());
        Map<Long, Map<String, Object>> byProduct = new LinkedHashMap<>();
        jdbc.query("WITH " + payments(s) + ", paid AS (SELECT pay.deal, MAX(pay.pay_day) AS pay_day FROM pay "
                + "WHERE pay.status = :received GROUP BY pay.deal) "
                + "SELECT pr.id, pr.name, pr.currency, paid.pay_day, SUM(l.quantity) AS quantity, "
                + "SUM(l.quantity * COALESCE(pr.price, 0)) AS amount FROM paid "
                + "JOIN anl_deal d ON d.id = paid.deal AND NOT d.deleted "
                + "JOIN anl_deal_product l ON l.deal = paid.deal JOIN anl_product pr ON pr.id = l.product "
                + "GROUP BY pr.id, pr.name, pr.currency, paid.pay_day ORDER BY pr.name, pr.id", p, rs -> {
                    Map<String, Object> item = byProduct.computeIfAbsent(rs.getLong("id"), id -> row(PRODUCT,
                            null, "quantity", 0L, "amount", BigDecimal.ZERO));
                    item.put(PRODUCT, rs.getString("name"));
                    item.put("quantity", (Long) item.get("quantity") + rs.getLong("quantity"));
                    item.put("amount", ((BigDecimal) item.get("amount")).add(rates.convert(rs.getBigDecimal("amount"),
                            rs.getString(CURRENCY), rs.getDate("pay_day").toLocalDate())));
                });
        List<Map<String, Object>> items = new ArrayList<>(byProduct.values());
        items.forEach(item -> item.put("amount", money(item.get("amount"))));
        BigDecimal total = items.stream().map(i -> (BigDecimal) i.get("amount")).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        return table(Report.SALES, row("items", items, "total", total), List.of(PRODUCT, "quantity", "amount"), items);
    }

    // ---- requests, lead sources, conversion

    private static String requestRows(Scope s) {
        return " FROM anl_request q LEFT JOIN anl_deal d ON d.id = q.deal AND NOT d.deleted" + DEAL_MARKS
                + "WHERE NOT q.deleted AND NOT q.duplicate AND NOT q.is_case AND q.received_at >= :fromTs "
                + "AND q.received_at < :toTs" + reach(s, "q");
    }

    private Map<String, Object> requestCounts(Scope s) {
        return jdbc.queryForMap("SELECT COUNT(q.id) AS total, SUM(CASE WHEN q.subsequent THEN 0 ELSE 1 END) AS first, "
                + "SUM(CASE WHEN q.subsequent THEN 1 ELSE 0 END) AS subsequent, "
                + "SUM(CASE WHEN " + WON + " THEN 1 ELSE 0 END) AS converted" + requestRows(s), params(s, s.from(), s.to()));
    }

    private ReportTable requests(Scope s) {
        Map<String, Object> c = requestCounts(s);
        Map<String, Object> json = row("total", count(c.get("total")), "primary", count(c.get("first")),
                "subsequent", count(c.get("subsequent")), "converted", count(c.get("converted")));
        List<Map<String, Object>> rows = new ArrayList<>();
        json.forEach((measure, n) -> rows.add(row("measure", measure, "count", n)));
        return table(Report.REQUESTS, json, List.of("measure", "count"), rows);
    }

    private ReportTable leadSources(Scope s) {
        MapSqlParameterSource p = params(s, s.from(), s.to());
        p.addValue("kind", ReferenceKind.LEAD_SOURCE.kind().name());
        List<Map<String, Object>> sources = new ArrayList<>();
        long[] total = {0};
        long[] unnamed = {0};
        jdbc.query("SELECT src.id, src.name, COUNT(q.id) AS n" + requestRows(s).replace(" FROM anl_request q ",
                        " FROM anl_request q LEFT JOIN anl_reference src ON src.id = q.source AND src.kind = :kind ")
                        + " GROUP BY src.id, src.name ORDER BY COUNT(q.id) DESC, src.name", p, rs -> {
                    long n = rs.getLong("n");
                    total[0] += n;
                    String name = rs.getString("name");
                    if (name == null) {
                        unnamed[0] += n;
                    } else {
                        sources.add(row("source", name, "count", n));
                    }
                });
        sources.add(row("source", NOT_SPECIFIED, "count", unnamed[0]));
        for (Map<String, Object> source : sources) {
            source.put("percent", percent((Long) source.get("count"), total[0]));
        }
        return table(Report.LEAD_SOURCES, row("total", total[0], "sources", sources),
                List.of("source", "count", "percent"), sources);
    }

    private ReportTable conversion(Scope s) {
        Map<String, Object> c = requestCounts(s);
        long requests = count(c.get("total"));
        long won = count(c.get("converted"));
        Map<String, Object> json = row("requests", requests, "won", won, "percent", percent(won, requests));
        return table(Report.CONVERSION, json, List.of("requests", "won", "percent"), List.of(json));
    }

    // ---- deals

    private static String closedDeals(Scope s) {
        return " FROM anl_deal d" + DEAL_MARKS + "WHERE NOT d.deleted AND d.closed_at >= :fromTs AND d.closed_at < :toTs"
                + reach(s, "d");
    }

    private ReportTable closingReasons(Scope s) {
        List<Map<String, Object>> reasons = new ArrayList<>();
        long[] total = {0};
        jdbc.query("SELECT cr.id, cr.name, COUNT(d.id) AS n" + closedDeals(s)
                + " GROUP BY cr.id, cr.name, cr.sort_index ORDER BY COUNT(d.id) DESC, cr.sort_index, cr.name",
                params(s, s.from(), s.to()), rs -> {
                    long n = rs.getLong("n");
                    total[0] += n;
                    reasons.add(row("reason", rs.getString("name") == null ? NOT_SPECIFIED : rs.getString("name"),
                            "count", n));
                });
        for (Map<String, Object> reason : reasons) {
            reason.put("percent", percent((Long) reason.get("count"), total[0]));
        }
        return table(Report.CLOSING_REASONS, row("total", total[0], "reasons", reasons),
                List.of("reason", "count", "percent"), reasons);
    }

    private ReportTable deals(Scope s) {
        Map<String, Object> c = jdbc.queryForMap("SELECT COUNT(d.id) AS total, "
                + "SUM(CASE WHEN d.closed_at IS NULL THEN 1 ELSE 0 END) AS open, "
                + "SUM(CASE WHEN " + WON + " THEN 1 ELSE 0 END) AS won, "
                + "SUM(CASE WHEN d.closed_at IS NOT NULL AND NOT " + WON + " THEN 1 ELSE 0 END) AS lost, "
                + "AVG(CASE WHEN " + WON + " THEN " + seconds("d.created_at", "d.closed_at") + " END) AS seconds "
                + "FROM anl_deal d" + DEAL_MARKS + "WHERE NOT d.deleted AND d.created_at >= :fromTs "
                + "AND d.created_at < :toTs" + reach(s, "d"), params(s, s.from(), s.to()));
        Object seconds = c.get("seconds");
        BigDecimal days = seconds == null ? null : new BigDecimal(seconds.toString())
                .divide(BigDecimal.valueOf(86_400), 1, RoundingMode.HALF_UP);
        Map<String, Object> json = row("total", count(c.get("total")), "open", count(c.get("open")),
                "won", count(c.get("won")), "lost", count(c.get("lost")), "averageDaysToWin", days);
        return table(Report.DEALS, json, List.of("total", "open", "won", "lost", "averageDaysToWin"), List.of(json));
    }

    /** Deals closed in the period by the stage they were in when closed, in stage order (every stage listed). */
    private ReportTable funnel(Scope s) {
        MapSqlParameterSource p = params(s, s.from(), s.to());
        p.addValue("kind", ReferenceKind.STAGE.kind().name());
        Map<Long, Long> counts = new HashMap<>();
        jdbc.query("SELECT d.closing_stage, COUNT(d.id) AS n" + closedDeals(s) + " GROUP BY d.closing_stage", p, rs -> {
            counts.put(rs.getObject("closing_stage") == null ? null : rs.getLong("closing_stage"), rs.getLong("n"));
        });
        List<Map<String, Object>> stages = new ArrayList<>();
        String departments = s.departments() == null ? "" : " AND (st.department IS NULL OR st.department IN (:departments))";
        jdbc.query("SELECT st.id, st.name, st.deleted FROM anl_reference st WHERE st.kind = :kind" + departments
                + " ORDER BY st.sort_index, st.id", p, rs -> {
                    long n = counts.getOrDefault(rs.getLong("id"), 0L);
                    if (!rs.getBoolean("deleted") || n > 0) {
                        stages.add(row(STAGE, rs.getString("name"), "count", n));
                    }
                });
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return table(Report.FUNNEL, row("total", total, "stages", stages), List.of(STAGE, "count"), stages);
    }
}
