package dev.crm.app.chain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes hash chains from the rows as stored (docs/auditing.md, "Hash chain"): one object's stream, or the whole
 * store over one cursor (ordered by stream and sequence, {@value #FETCH} rows at a time: never the whole store in
 * memory), reporting the first broken link. Read-only.
 */
@org.springframework.stereotype.Component
public class ChainVerifier {

    static final int FETCH = 500;
    /** Progress is reported every this many events. */
    public static final int PROGRESS_EVERY = 1000;

    static final String COLUMNS = "aggregateidentifier, sequencenumber, type, eventidentifier, payloadtype, "
            + "payloadrevision, timestamp, payload, metadata, hash";
    private static final String STREAM = "SELECT " + COLUMNS
            + " FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber";
    private static final String STORE = "SELECT " + COLUMNS
            + " FROM domainevententry ORDER BY aggregateidentifier, sequencenumber";
    /** Objects the read model knows at a higher version than their stream's last event (version = events' count). */
    private static final String CUT = """
            SELECT id, version, last FROM (
              SELECT o.id, o.version, (SELECT MAX(e.sequencenumber) FROM domainevententry e
                                       WHERE e.aggregateidentifier = CAST(o.id AS VARCHAR(20))) AS last
              FROM crm_object o) v
            WHERE COALESCE(last, -1) + 1 < version""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** One stream; {@code version}: how many events the read model knows it has (0: none known). */
    public ChainCheck.Verification verifyStream(String id, long version) {
        ChainCheck check = new ChainCheck();
        boolean[] seen = {false};
        readOnly.executeWithoutResult(s -> jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement(STREAM);
            ps.setFetchSize(FETCH);
            ps.setString(1, id);
            return ps;
        }, rs -> {
            seen[0] = true;
            check.row(stored(rs), rs.getString("hash"));
        }));
        if (!check.streamBroken()) {
            check.cut(id, seen[0] ? check.lastSequence() : -1, version);
        }
        return check.result();
    }

    /** How many events the store holds (for progress). */
    public long count() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM domainevententry", Long.class);
        return n == null ? 0 : n;
    }

    /** The whole store; {@code progress} gets the number of events checked every {@value #PROGRESS_EVERY}. */
    public ChainCheck.Verification verifyStore(LongConsumer progress) {
        Map<String, long[]> cut = new HashMap<>();
        jdbc.query(CUT, rs -> {
            long last = rs.getLong("last");
            cut.put(Long.toString(rs.getLong("id")), new long[]{rs.wasNull() ? -1 : last, rs.getLong("version")});
        });
        ChainCheck check = new ChainCheck();
        String[] stream = {null};
        readOnly.executeWithoutResult(s -> jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement(STORE, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH);
            return ps;
        }, rs -> {
            EventHash.Stored event = stored(rs);
            if (stream[0] != null && !stream[0].equals(event.aggregateIdentifier())) {
                endOfStream(check, stream[0], cut);
            }
            stream[0] = event.aggregateIdentifier();
            check.row(event, rs.getString("hash"));
            long checked = check.result().checked();
            if (checked % PROGRESS_EVERY == 0) {
                progress.accept(checked);
            }
        }));
        if (stream[0] != null) {
            endOfStream(check, stream[0], cut);
        }
        // objects whose whole stream is gone
        cut.forEach((id, v) -> check.cut(id, v[0], v[1]));
        progress.accept(check.result().checked());
        return check.result();
    }

    private static void endOfStream(ChainCheck check, String stream, Map<String, long[]> cut) {
        long[] known = cut.remove(stream);
        if (known != null && !check.streamBroken()) {
            check.cut(stream, check.lastSequence(), known[1]);
        }
    }

    static EventHash.Stored stored(ResultSet rs) throws SQLException {
        return new EventHash.Stored(rs.getString("aggregateidentifier"), rs.getLong("sequencenumber"),
                rs.getString("type"), rs.getString("eventidentifier"), rs.getString("payloadtype"),
                rs.getString("payloadrevision"), rs.getString("timestamp"), rs.getBytes("payload"),
                rs.getBytes("metadata"));
    }
}
