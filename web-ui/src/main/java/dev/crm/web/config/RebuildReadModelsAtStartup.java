package dev.crm.web.config;

import dev.crm.query.replay.ReadModelRebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * With {@code CRM_REBUILD_READ_MODELS=true} ({@code crm.rebuild-read-models}), the read models are thrown
 * away and rebuilt from the event store during start-up, before the port opens, so no command can arrive
 * while the stop-the-world rebuild runs. The benchmark uses it to time a full replay.
 */
@Component
@ConditionalOnProperty(name = "crm.rebuild-read-models", havingValue = "true")
class RebuildReadModelsAtStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RebuildReadModelsAtStartup.class);

    private final ReadModelRebuilder rebuilder;
    private final JdbcTemplate jdbc;

    RebuildReadModelsAtStartup(ReadModelRebuilder rebuilder, JdbcTemplate jdbc) {
        this.rebuilder = rebuilder;
        this.jdbc = jdbc;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        long events = rebuilder.rebuild();
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        log.info("Rebuilt the read models from {} events in {} ms ({} events/s)", events, millis,
                events * 1000 / millis);
        // Fresh statistics: with the ones of the emptied tables the planner scans a million rows for a page of 50.
        try {
            jdbc.execute("ANALYZE");
        } catch (DataAccessException e) {
            log.warn("could not refresh the planner's statistics: {}", e.getMessage());
        }
    }
}
