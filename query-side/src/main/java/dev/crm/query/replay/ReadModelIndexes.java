package dev.crm.query.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read models' secondary indexes during a rebuild on PostgreSQL: dropped before the tables are filled and
 * created again after (a sorted build of each index instead of a million inserts into each of a dozen indexes;
 * docs/benchmarks.md, "Replay"). Only plain indexes go: primary keys and unique indexes stay, because they are
 * part of what the projections' statements mean (an insert that skips an existing key, a department name that
 * must stay unique).
 *
 * <p>Each dropped index is recorded in {@code crm_rebuild_index} in the transaction that drops it, and its record
 * deleted in the transaction that creates it again. A rebuild that fails creates them again on its way out; one
 * that dies leaves the records, and the next rebuild, or the next start ({@link ReadModelRebuilder}), creates
 * them ({@link #createDropped}), so no index stays missing for longer than the service is down.
 */
final class ReadModelIndexes {

    private static final Logger log = LoggerFactory.getLogger(ReadModelIndexes.class);
    /** Serializes the creating of dropped indexes between instances starting at once. */
    private static final long LOCK = 0x6372_6d5f_6964_7831L;

    private ReadModelIndexes() {
    }

    /** Records and drops the plain indexes of these tables (of the connection's current schema); commits. */
    static int drop(Connection connection, List<String> tables) throws SQLException {
        List<String[]> indexes = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT i.relname, pg_get_indexdef(i.oid)
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = current_schema() AND t.relname = ANY (?)
                  AND NOT x.indisprimary AND NOT x.indisunique AND NOT x.indisexclusion
                ORDER BY i.relname""")) {
            ps.setArray(1, connection.createArrayOf("varchar", tables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO crm_rebuild_index (name, definition) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
             Statement drop = connection.createStatement()) {
            for (String[] index : indexes) {
                record.setString(1, index[0]);
                record.setString(2, index[1]);
                record.executeUpdate();
                drop.execute("DROP INDEX " + quoted(index[0]));
            }
        }
        connection.commit();
        return indexes.size();
    }

    /**
     * Creates every recorded index that is missing and deletes the records, in one transaction (which first
     * rolls back whatever the connection had open); returns how many it created.
     */
    static int createDropped(Connection connection) throws SQLException {
        connection.rollback();
        long start = System.nanoTime();
        int created = 0;
        try (Statement s = connection.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            // the sorts of a million rows each: more memory than the default 64 MB keeps them off the disk
            s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            List<String[]> recorded = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name, definition FROM crm_rebuild_index ORDER BY name")) {
                while (rs.next()) {
                    recorded.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] index : recorded) {
                if (!exists(connection, index[0])) {
                    s.execute(index[1]);
                    created++;
                }
            }
            s.execute("DELETE FROM crm_rebuild_index");
        }
        connection.commit();
        if (created > 0) {
            log.info("created {} read-model indexes again in {} ms", created, (System.nanoTime() - start) / 1_000_000);
        }
        return created;
    }

    /** Whether the start-up has indexes to create again (a rebuild died after dropping them). */
    static boolean anyDropped(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM crm_rebuild_index)")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean exists(Connection connection, String index) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, quoted(index));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
