package dev.crm.app.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkpoints (docs/auditing.md, "Checkpoints"): a digest over every event up to a position of the store,
 * {@code SHA-256} over each event's line {@code "<globalindex> <hash>\n"} (hash {@code -} when the event has none) in
 * globalindex order, stored in {@code chain_checkpoint}. Since each hash chains its event's content to its stream, the
 * digest covers every event's content; recomputing it later proves that nothing up to the position changed, was
 * removed, or was added in between.
 * <p>
 * The position: a transaction still open may already hold a globalindex lower than the highest one committed, and
 * commit later; a checkpoint must not be changed by it. On PostgreSQL the position is read under a {@code SHARE} lock
 * of the event table, which waits for every transaction that has inserted events to end (and holds new ones back for
 * that instant), so every globalindex up to the position is then committed or never will be. H2 (the embedded single
 * instance) takes the highest position among events older than {@link #SETTLE}, by their timestamp.
 */
@org.springframework.stereotype.Component
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    static final Duration SETTLE = Duration.ofMinutes(1);

    /** A stored checkpoint. */
    public record Checkpoint(long position, String hash, long events, Instant at, String madeBy, LocalDate daily) {
    }

    /** A checkpoint's digest recomputed. */
    public record Recheck(Checkpoint checkpoint, String recomputed, long events) {
        public boolean valid() {
            return checkpoint.hash().equals(recomputed) && checkpoint.events() == events;
        }
    }

    private static final RowMapper<Checkpoint> ROW = (rs, n) -> new Checkpoint(rs.getLong("position"),
            rs.getString("hash"), rs.getLong("events"), rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
            rs.getString("made_by"), rs.getObject("daily", LocalDate.class));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public Checkpoints(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Makes a checkpoint up to the store's settled position (empty when the store has no event yet). */
    public Optional<Checkpoint> make(String madeBy) {
        return make(madeBy, null);
    }

    /** Today's (UTC) daily checkpoint, unless one exists: of several instances only one makes it. */
    public Optional<Checkpoint> daily() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Integer made = jdbc.queryForObject("SELECT COUNT(*) FROM chain_checkpoint WHERE daily = ?", Integer.class, today);
        if (made != null && made > 0) {
            return Optional.empty();
        }
        try {
            Optional<Checkpoint> c = make("daily", today);
            c.ifPresent(x -> log.info("Daily checkpoint at position {}: {}", x.position(), x.hash()));
            return c;
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    private Optional<Checkpoint> make(String madeBy, LocalDate daily) {
        Long position = settledPosition();
        if (position == null) {
            return Optional.empty();
        }
        Digest digest = digest(position);
        Checkpoint c = new Checkpoint(position, digest.hash(), digest.events(), Instant.now(clock), madeBy, daily);
        jdbc.update("INSERT INTO chain_checkpoint (position, hash, events, at, made_by, daily) VALUES (?, ?, ?, ?, ?, ?)",
                c.position(), c.hash(), c.events(), c.at().atOffset(ZoneOffset.UTC), c.madeBy(), c.daily());
        return Optional.of(c);
    }

    /** Every checkpoint, newest first. */
    public List<Checkpoint> list() {
        return jdbc.query("SELECT * FROM chain_checkpoint ORDER BY position DESC, id DESC", ROW);
    }

    /** The checkpoints at this position recomputed (empty: none there). */
    public List<Recheck> recheck(long position) {
        List<Checkpoint> at = jdbc.query("SELECT * FROM chain_checkpoint WHERE position = ? ORDER BY id", ROW, position);
        if (at.isEmpty()) {
            return List.of();
        }
        Digest digest = digest(position);
        return at.stream().map(c -> new Recheck(c, digest.hash(), digest.events())).toList();
    }

    /** The highest position no open transaction can still add an event below. */
    Long settledPosition() {
        return transactions.execute(s -> jdbc.execute((java.sql.Connection c) -> {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            if (postgres) {
                try (var st = c.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = '10s'");
                    st.execute("LOCK TABLE domainevententry IN SHARE MODE");
                }
                try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT MAX(globalindex) FROM domainevententry")) {
                    rs.next();
                    long max = rs.getLong(1);
                    return rs.wasNull() ? null : max;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MAX(globalindex) FROM domainevententry WHERE timestamp < ?")) {
                ps.setString(1, org.axonframework.common.DateTimeUtils.formatInstant(Instant.now(clock).minus(SETTLE)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long max = rs.getLong(1);
                    return rs.wasNull() ? null : max;
                }
            }
        }));
    }

    record Digest(String hash, long events) {
    }

    Digest digest(long position) {
        MessageDigest sha = EventHash.sha256();
        long[] events = {0};
        transactions.executeWithoutResult(s -> jdbc.query(c -> {
            PreparedStatement ps = c.prepareStatement(
                    "SELECT globalindex, hash FROM domainevententry WHERE globalindex <= ? ORDER BY globalindex",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(ChainVerifier.FETCH);
            ps.setLong(1, position);
            return ps;
        }, rs -> {
            String hash = rs.getString(2);
            sha.update((rs.getLong(1) + " " + (hash == null ? "-" : hash) + "\n").getBytes(StandardCharsets.US_ASCII));
            events[0]++;
        }));
        return new Digest(HexFormat.of().formatHex(sha.digest()), events[0]);
    }
}
