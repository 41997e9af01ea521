package dev.crm.web.config;

import dev.crm.query.replay.JdbcStoredEvents;
import dev.crm.query.replay.RebuildConnection;
import dev.crm.query.replay.StoredEvents;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * How the read-model rebuild ({@code ReadModelRebuilder}) reads and writes: the event store in one pass over a
 * cursor, through the store's serializer and upcaster chain; and on PostgreSQL a connection of its own with
 * {@code reWriteBatchedInserts=true}, so the projections' batched inserts go out as multi-row inserts (the
 * pool's connections keep the driver's defaults: Axon's appends and the commands are not touched). Settings made
 * only through the pool (Hikari's data-source properties) do not reach that connection; the URL, user and
 * password do.
 */
@Configuration(proxyBeanMethods = false)
class RebuildConfig {

    /** Rows per round trip of the rebuild's read of the store. */
    static final int FETCH_SIZE = 1_000;

    @Bean
    StoredEvents storedEvents(DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
                              org.axonframework.config.Configuration configuration,
                              ObjectProvider<EventSchema> schema) {
        return new JdbcStoredEvents(dataSource, schema.getIfAvailable(EventSchema::new), eventSerializer,
                configuration.upcasterChain(), FETCH_SIZE);
    }

    @Bean
    RebuildConnection rebuildConnection(JdbcConnectionDetails database, DataSource dataSource) {
        String url = database.getJdbcUrl();
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return dataSource::getConnection;
        }
        DriverManagerDataSource rewriting = new DriverManagerDataSource(
                url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", database.getUsername(),
                database.getPassword());
        rewriting.setDriverClassName("org.postgresql.Driver");
        return rewriting::getConnection;
    }
}
