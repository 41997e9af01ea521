package dev.crm.query;

import java.util.Map;

/**
 * The order of a list: one field, ascending or descending, then the newest ID first so that pages never
 * overlap. A list names the fields it can be sorted by, with the SQL expression of each; anything else (a
 * field it does not offer, a typo in a link) falls back to the list's default order rather than failing.
 *
 * <p>As a request parameter it is the field's name, with a leading {@code -} for descending: {@code title},
 * {@code -updatedAt}.
 */
public record Sort(String field, boolean descending) {

    /** The order from a request parameter, if the list offers that field; else {@code fallback}. */
    public static Sort of(String param, Map<String, String> offered, Sort fallback) {
        if (param == null || param.isBlank()) {
            return fallback;
        }
        String p = param.strip();
        boolean descending = p.startsWith("-");
        String field = descending ? p.substring(1) : p;
        return offered.containsKey(field) ? new Sort(field, descending) : fallback;
    }

    /** The ORDER BY clause's terms for the list's expressions ({@code alias} prefixes the ID). */
    public String orderBy(Map<String, String> offered, String alias) {
        String expression = offered.get(field);
        if (expression == null) {
            throw new IllegalArgumentException("the list cannot be sorted by " + field);
        }
        return expression + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST") + ", " + alias + "id DESC";
    }

    /** As a request parameter. */
    public String param() {
        return (descending ? "-" : "") + field;
    }

    /** An enum column in the enum's own order (stages in the order of their work, priorities low to high). */
    public static String inOrder(String column, Enum<?>[] values) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (Enum<?> value : values) {
            sql.append(" WHEN '").append(value.name()).append("' THEN ").append(value.ordinal());
        }
        return sql.append(" END").toString();
    }
}
