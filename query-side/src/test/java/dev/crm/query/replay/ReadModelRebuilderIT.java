package dev.crm.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.EventFeed;
import dev.crm.query.PostgresSchema;
import dev.crm.query.ReadModels;
import dev.crm.query.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

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
        context.refresh();
        feed = new EventFeed(models.projections());
        Scenario.publish(feed);
        live = db.snapshot();
        rebuilder = new ReadModelRebuilder(feed.store(), context, db.jdbc, db.transactions());
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
        ReadModelRebuilder.TABLES.forEach(table -> assertThat(live.get(table)).as(table).isNotEmpty());
        assertThat(live.get("crm_object")).hasSize(2 + 3 + 4 + 3);
    }

    @Test
    void aRebuildWritesWhatTheLiveProjectionsWrote() {
        long replayed = rebuilder.rebuild();

        assertThat(replayed).isEqualTo(feed.events().size());
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(db.jdbc.queryForObject("SELECT active FROM crm_maintenance WHERE name = ?", Boolean.class,
                ReadModelRebuilder.MAINTENANCE)).isFalse();
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
