package dev.crm.query.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The copies a live rebuild fills ({@link LiveRebuild}), on PostgreSQL: each read model's table made again, empty, in
 * another schema, such that moving it into the live schema later leaves the database as the migrations made it.
 * <ul>
 * <li>{@code CREATE TABLE shadow.t (LIKE live.t INCLUDING ALL EXCLUDING INDEXES)}: columns, defaults, NOT NULL and
 * CHECK constraints (with their names), identity and generated columns, storage, comments;</li>
 * <li>primary keys, unique and exclusion constraints added under their live names ({@code pg_get_constraintdef}),
 * unique indexes made from their live definitions, at once: the projections' statements rely on them;</li>
 * <li>the plain indexes from their live definitions under their live names (index names are per schema), once the
 * bulk is in ({@link #createIndexes}): a sorted build each instead of a million inserts into each.</li>
 * </ul>
 * What {@code LIKE} would not carry is refused before anything is made ({@link #check}): a view on a read-model table
 * (it would keep pointing at the retired table), a foreign key from or to one, a trigger. No read-model table has
 * any of them; the check keeps a later migration from silently breaking the switch. Privileges are not copied: the
 * copies belong to the user the CRM connects as, who owns the live tables too.
 */
final class ShadowTables {

    private ShadowTables() {
    }

    static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** Drops and makes again the copies of {@code tables} of schema {@code live} in {@code shadow}; commits. */
    static void create(Connection c, String live, String shadow, List<String> tables) throws SQLException {
        check(c, live, tables);
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                String source = quoted(live) + "." + table;
                String copy = shadow + "." + table;
                s.execute("DROP TABLE IF EXISTS " + copy);
                s.execute("CREATE TABLE " + copy + " (LIKE " + source + " INCLUDING ALL EXCLUDING INDEXES)");
                for (String[] constraint : rows(c, """
                        SELECT k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k
                        WHERE k.conrelid = to_regclass(?) AND k.contype IN ('p', 'u', 'x') ORDER BY k.conname""",
                        source)) {
                    s.execute("ALTER TABLE " + copy + " ADD CONSTRAINT " + quoted(constraint[0]) + " " + constraint[1]);
                }
                for (String[] index : indexes(c, source, true)) {
                    s.execute(onCopy(index[1], live, shadow, table));
                }
            }
        }
        c.commit();
    }

    /** Creates the plain indexes of the live tables on their copies, those not made yet; commits. */
    static void createIndexes(Connection c, String live, String shadow, List<String> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            for (String table : tables) {
                for (String[] index : indexes(c, quoted(live) + "." + table, false)) {
                    if (!exists(c, shadow + "." + quoted(index[0]))) {
                        s.execute(onCopy(index[1], live, shadow, table));
                    }
                }
            }
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("ANALYZE " + shadow + "." + table);
            }
        }
        c.commit();
    }

    /** Drops the tables a switch retired (in the connection's transaction). */
    static void dropRetired(Connection c, String retired, List<String> tables) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String table : tables) {
                s.execute("DROP TABLE IF EXISTS " + retired + "." + table);
            }
        }
    }

    /** Refuses tables with what a copy would not carry over: views on them, foreign keys, triggers. */
    static void check(Connection c, String live, List<String> tables) throws SQLException {
        List<String> problems = new ArrayList<>();
        for (String table : tables) {
            String name = quoted(live) + "." + table;
            for (String[] view : rows(c, """
                    SELECT DISTINCT v.relname, '' FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                    JOIN pg_class v ON v.oid = r.ev_class
                    WHERE d.refobjid = to_regclass(?) AND v.oid <> d.refobjid""", name)) {
                problems.add("the view " + view[0] + " reads " + table);
            }
            for (String[] key : rows(c, """
                    SELECT conname, '' FROM pg_constraint WHERE contype = 'f'
                    AND (conrelid = to_regclass(?) OR confrelid = to_regclass(?))""", name, name)) {
                problems.add("the foreign key " + key[0] + " involves " + table);
            }
            for (String[] trigger : rows(c, """
                    SELECT tgname, '' FROM pg_trigger WHERE tgrelid = to_regclass(?) AND NOT tgisinternal""", name)) {
                problems.add("the trigger " + trigger[0] + " is on " + table);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the read models cannot be rebuilt live: " + String.join("; ", problems));
        }
    }

    /** The unique (or plain) indexes of a table that back no constraint: name and definition. */
    private static List<String[]> indexes(Connection c, String table, boolean unique) throws SQLException {
        return rows(c, """
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = to_regclass(?) AND x.indisunique = ?
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
                ORDER BY i.relname""", table, unique);
    }

    /** A live index's definition made on the copy: {@code ... ON live.t USING ...} becomes {@code ON shadow.t}. */
    static String onCopy(String definition, String live, String shadow, String table) {
        for (String on : List.of(" ON " + live + "." + table + " ", " ON " + quoted(live) + "." + table + " ",
                " ON " + table + " ")) {
            int at = definition.indexOf(on);
            if (at >= 0) {
                return definition.substring(0, at) + " ON " + shadow + "." + table + " "
                        + definition.substring(at + on.length());
            }
        }
        throw new IllegalStateException("cannot read the index definition " + definition);
    }

    private static boolean exists(Connection c, String name) throws SQLException {
        return !rows(c, "SELECT 1, '' WHERE to_regclass(?) IS NOT NULL", name).isEmpty();
    }

    private static List<String[]> rows(Connection c, String sql, Object... args) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return rows;
    }
}
