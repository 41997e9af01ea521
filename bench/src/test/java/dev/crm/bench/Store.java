package dev.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What the tests read straight from the database: the stored events and the read models. */
final class Store {

    /** The read-model tables the bench compares (the rebuilder lists them all: {@code ReadModelRebuilder#tables()}). */
    static final List<String> READ_MODELS = List.of("memo_view", "task_view", "file_view", "file_content",
            "object_link", "crm_object", "crm_user");

    private Store() {
    }

    static String string(String db, String sql) throws SQLException {
        try (Connection c = Pg.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static long count(String db, String sql) throws SQLException {
        try (Connection c = Pg.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every table of the read models as a set of rows. */
    static Map<String, Set<Map<String, Object>>> readModels(String db) throws SQLException {
        Map<String, Set<Map<String, Object>>> tables = new TreeMap<>();
        try (Connection c = Pg.connect(db); Statement s = c.createStatement()) {
            for (String table : READ_MODELS) {
                String where = table.equals("file_content") ? " WHERE ref_count > 0" : "";
                Set<Map<String, Object>> rows = new HashSet<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + where)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.put(md.getColumnName(i), value == null ? null : value.toString());
                        }
                        rows.add(row);
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /**
     * How many times each value was written by a memo event, as the new title (creation) or the new
     * description (change): each command of the tests writes a value of its own.
     */
    static Map<String, Integer> writtenValues(String db) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = Pg.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT payloadtype, convert_from(payload, 'UTF8') FROM domainevententry")) {
            while (rs.next()) {
                JsonNode p = Client.JSON.readTree(rs.getString(2));
                if (rs.getString(1).endsWith("MemoCreated")) {
                    counts.merge(p.get("title").asText(), 1, Integer::sum);
                } else if (rs.getString(1).endsWith("MemoChanged")) {
                    for (JsonNode change : p.path("changes")) {
                        if (change.path("field").asText().equals("description")) {
                            counts.merge(change.path("to").asText(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return counts;
    }

    /** Memos whose read-model version differs from the number of their stored events. */
    static long memosBehindTheStore(String db) throws SQLException {
        return count(db, """
                SELECT COUNT(*) FROM (SELECT aggregateidentifier, MAX(sequencenumber) + 1 AS v FROM domainevententry
                  WHERE payloadtype LIKE '%memo.Memo%' GROUP BY aggregateidentifier) e
                FULL JOIN memo_view m ON m.id::text = e.aggregateidentifier
                WHERE m.version IS DISTINCT FROM e.v""");
    }

    /** Indexes taken but not stored between two global indexes (inclusive of the upper one). */
    static long gaps(String db, long after) throws SQLException {
        return count(db, "SELECT COALESCE(MAX(globalindex), " + after + ") - " + after
                + " - COUNT(*) FROM domainevententry WHERE globalindex > " + after);
    }
}
