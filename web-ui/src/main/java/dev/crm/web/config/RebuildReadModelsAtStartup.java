package dev.crm.web.config;

import dev.crm.query.replay.ReadModelRebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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

    RebuildReadModelsAtStartup(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long start = System.nanoTime();
        long events = rebuilder.rebuild();
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        log.info("Rebuilt the read models from {} events in {} ms ({} events/s)", events, millis,
                events * 1000 / millis);
    }
}
