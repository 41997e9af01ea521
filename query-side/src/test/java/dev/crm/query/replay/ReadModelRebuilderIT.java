package dev.crm.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.query.EventFeed;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.Scenario;
import dev.crm.shared.memo.MemoCreated;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ReadModelRebuilder} on the stored {@link Scenario}: the projections' beans in a plain application
 * context (no Spring Boot), the events in Axon's in-memory event store. What the live projections wrote
 * and what a rebuild writes from the store must be the same rows.
 */
class ReadModelRebuilderIT {

    static PostgresSchema db;

    EventFeed feed;
    GenericApplicationContext context;
    ReadModelRebuilder rebuilder;
    Map<String, List<String>> live;
    MaintenanceProbe probe;

    /** A query-side handler that notes whether the maintenance flag is up while it is replayed, or fails. */
    @ProcessingGroup("probe")
    static class MaintenanceProbe {
        final JdbcTemplate jdbc;
        final List<Boolean> flags = new ArrayList<>();
        Long failAt;

        MaintenanceProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(MemoCreated e) {
            flags.add(flag(jdbc));
            if (failAt != null && failAt == e.memoId()) {
                throw new IllegalStateException("probe fails at memo " + e.memoId());
            }
        }
    }

    static boolean flag(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT active FROM crm_maintenance WHERE name = ?", Boolean.class,
                ReadModelRebuilder.MAINTENANCE);
    }

    @BeforeAll
    static void schema() {
        db = PostgresSchema.fresh();
    }

    @AfterAll
    static void drop() {
        db.close();
    }

    @BeforeEach
    void liveProjections() {
        db.clearReadModels();
        ReadModels models = ReadModels.on(db);
        context = new GenericApplicationContext();
        for (Object projection : models.projections()) {
            register(context, projection);
        }
        register(context, models.objects());
        register(context, models.links());
        probe = new MaintenanceProbe(db.jdbc);
        register(context, probe);
        context.refresh();
        feed = new EventFeed(models.projections());
        Scenario.publish(feed);
        live = db.snapshot();
        // as the application wires it on PostgreSQL: a connection of its own that rewrites batched inserts
        rebuilder = new ReadModelRebuilder(StoredEvents.of(feed.store()), () -> db.connect("reWriteBatchedInserts=true"),
                context, db.jdbc, db.transactions(), db.writes);
    }

    @SuppressWarnings("unchecked")
    private static <T> void register(GenericApplicationContext context, T bean) {
        context.registerBean((Class<T>) bean.getClass(), () -> bean);
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void theScenarioFillsEveryReadModel() {
        // the rebuilder finds every table through the read models' own declarations
        assertThat(rebuilder.tables()).containsExactly("crm_object", "crm_user", "department_view", "file_content",
                "file_view", "memo_view", "object_link", "task_view", "user_department");
        rebuilder.tables().forEach(table -> assertThat(live.get(table)).as(table).isNotEmpty());
        assertThat(live.get("crm_object")).hasSize(2 + 3 + 4 + 3);
    }

    @Test
    void aRebuildWritesWhatTheLiveProjectionsWrote() {
        long replayed = rebuilder.rebuild();

        assertThat(replayed).isEqualTo(feed.events().size());
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(flag(db.jdbc)).isFalse();
    }

    @Test
    void theMaintenanceFlagIsUpWhileTheReadModelsAreRebuilt() {
        rebuilder.rebuild();

        assertThat(probe.flags).containsExactly(true, true, true);
        assertThat(flag(db.jdbc)).isFalse();
    }

    @Test
    void aFailedRebuildNamesTheEventAndLowersTheFlag() {
        probe.failAt = 2L;
        String event = feed.events().stream().filter(e -> e.getPayload() instanceof MemoCreated m && m.memoId() == 2)
                .findFirst().orElseThrow().getIdentifier();

        assertThatThrownBy(rebuilder::rebuild).isInstanceOf(IllegalStateException.class)
                .hasMessage("replay failed at event " + event);

        assertThat(flag(db.jdbc)).isFalse();
        // the tables were emptied in a transaction of their own; the failed batch left nothing in them
        assertThat(db.count("memo_view")).isZero();
        assertThat(db.count("crm_object")).isZero();
    }

    @Test
    void aRebuildRepairsReadModelsThatWentWrong() {
        db.jdbc.update("UPDATE memo_view SET title = 'garbage', version = 99 WHERE id = 1");
        db.jdbc.update("DELETE FROM crm_object WHERE id = 11");
        db.jdbc.update("UPDATE file_content SET ref_count = 42");
        db.jdbc.update("DELETE FROM user_department");

        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void aReplayOverTheBuiltTablesChangesNothing() {
        assertThat(rebuilder.replay()).isEqualTo(feed.events().size());

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void theLiveEventsDeliveredAgainChangeNothing() {
        feed.applyAllAgain();

        assertThat(db.snapshot()).isEqualTo(live);
    }

    @Test
    void twoRebuildsInARowWriteTheSameRows() {
        rebuilder.rebuild();
        rebuilder.rebuild();

        assertThat(db.snapshot()).isEqualTo(live);
    }
}
