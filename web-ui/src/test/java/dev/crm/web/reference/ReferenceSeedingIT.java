package dev.crm.web.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.crm.query.reference.ReferenceQueries;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two instances starting on an empty PostgreSQL store at the same moment both try to seed the reference data's
 * defaults: the first claims a kind and holds the claim until it commits; the second's claim waits for that commit,
 * then gets no claim, and its seeding transaction goes on (it claims the next kinds in it) instead of failing the
 * second instance's start.
 */
@CrmIntegrationTest
class ReferenceSeedingIT {

    @Autowired
    ReferenceQueries references;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClaimRacingAnotherInstancesClaimGetsNoneAndItsTransactionGoesOn() throws Exception {
        ReferenceKind kind = ReferenceKind.LEAD_SOURCE;
        String name = kind.kind().name();
        // as on an empty store: nobody has claimed this kind's defaults yet
        jdbc.update("DELETE FROM reference_seeded WHERE kind = ?", name);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            boolean claimed = references.claimDefaults(kind);
            firstClaimed.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> firstMayCommit.getCount() == 0);
            return claimed;
        }));
        assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> tx.execute(status -> {
            boolean claimed = references.claimDefaults(kind);
            // the transaction is still usable: the next kind's claim would run here
            Integer next = jdbc.queryForObject("SELECT COUNT(*) FROM reference_seeded", Integer.class);
            return claimed + " " + (next != null);
        }));
        // the second claim waits on the first one's uncommitted row
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("""
                SELECT COUNT(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock'""", Integer.class) > 0);
        firstMayCommit.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo("false true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reference_seeded WHERE kind = ?", Integer.class, name))
                .isEqualTo(1);
    }
}
