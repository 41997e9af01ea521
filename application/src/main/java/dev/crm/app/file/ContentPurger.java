package dev.crm.app.file;

import dev.crm.query.replay.ReadModelRebuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes stored content nobody refers to. Every deletion happens in a transaction that holds the lock
 * of the content's {@code file_content} row and sees its count at zero; an attach of the same content
 * takes the same lock (see {@link FileService}). A crash between deleting the bytes and the row leaves a
 * zero-count row, which the next run finishes. Content uploaded but never attached gets a zero-count
 * row after a grace period and goes the same way. Nothing runs while the read models are rebuilt.
 */
@Component
public class ContentPurger {

    private static final Logger log = LoggerFactory.getLogger(ContentPurger.class);
    public static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final ContentStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration orphanGrace;

    public ContentPurger(JdbcTemplate jdbc, ContentStore store, PlatformTransactionManager transactions, Clock clock,
                  @Value("${crm.content.orphan-grace:1h}") Duration orphanGrace) {
        this.jdbc = jdbc;
        this.store = store;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.orphanGrace = orphanGrace;
    }

    /** Purges every content whose count is zero; returns how many were purged. */
    @Scheduled(fixedDelayString = "${crm.content.purge-interval:2s}", initialDelayString = "5s")
    public int purge() {
        int purged = 0;
        for (int n; (n = purgeBatch()) > 0; ) {
            purged += n;
        }
        return purged;
    }

    private int purgeBatch() {
        Integer n = tx.execute(status -> {
            if (paused()) {
                return 0;
            }
            List<String> zero = jdbc.queryForList("SELECT sha256 FROM file_content WHERE ref_count = 0 "
                    + "ORDER BY sha256 LIMIT " + BATCH + " FOR UPDATE", String.class);
            for (String sha : zero) {
                try {
                    store.delete(sha);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                jdbc.update("DELETE FROM file_content WHERE sha256 = ? AND ref_count = 0", sha);
            }
            return zero.size();
        });
        if (n != null && n > 0) {
            log.info("purged {} stored contents without references", n);
        }
        return n == null ? 0 : n;
    }

    /** Gives contents that were uploaded but never attached, older than the grace period, a zero count. */
    @Scheduled(fixedDelayString = "${crm.content.orphan-sweep-interval:5m}", initialDelayString = "30s")
    public int sweepOrphans() {
        Instant cutoff = clock.instant().minus(orphanGrace);
        List<ContentStore.Entry> old;
        try {
            old = store.list().stream().filter(e -> e.touchedAt().isBefore(cutoff)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int marked = 0;
        for (ContentStore.Entry entry : old) {
            try {
                Boolean inserted = tx.execute(status -> !paused() && jdbc.update("""
                        INSERT INTO file_content (sha256, size, ref_count, zero_since)
                        SELECT ?, 0, 0, ? WHERE NOT EXISTS (SELECT 1 FROM file_content WHERE sha256 = ?)""",
                        entry.sha256(), dev.crm.query.Sql.ts(clock.instant()), entry.sha256()) == 1);
                if (Boolean.TRUE.equals(inserted)) {
                    marked++;
                }
            } catch (DataIntegrityViolationException e) {
                // attached at this very moment: it has a reference now, so it is not an orphan
            }
        }
        if (marked > 0) {
            log.info("{} uploaded contents were never attached within {}; purging them", marked, orphanGrace);
            purge();
        }
        return marked;
    }

    /** Holds the maintenance flag's row lock for the rest of the transaction, so a rebuild waits for us. */
    private boolean paused() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT active FROM crm_maintenance WHERE name = ? FOR UPDATE",
                Boolean.class, ReadModelRebuilder.MAINTENANCE));
    }
}
