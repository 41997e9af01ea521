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
 * cursor, through the store's serializer and upcaster chain (see {@link #storedEvents}); and on PostgreSQL a
 * connection of its own with
 * {@code reWriteBatchedInserts=true}, so the projections' batched inserts go out as multi-row inserts (the
 * pool's connections keep the driver's defaults: Axon's appends and the commands are not touched). Settings made
 * only through the pool (Hikari's data-source properties) do not reach that connection; the URL, user and
 * password do.
 */
@Configuration(proxyBeanMethods = false)
class RebuildConfig {

    /** Rows per round trip of the rebuild's read of the store. */
    static final int FETCH_SIZE = 1_000;

    /**
     * On PostgreSQL the read goes over a connection of its own whose one query is prepared on the server from
     * its first execution ({@code prepareThreshold=-1}), so the payloads come as bytes, not as hex text that both
     * ends would encode and decode (a seventh of the reading thread's time).
     */
    @Bean
    StoredEvents storedEvents(JdbcConnectionDetails database, DataSource dataSource,
                              @Qualifier("eventSerializer") Serializer eventSerializer,
                              org.axonframework.config.Configuration configuration,
                              ObjectProvider<EventSchema> schema) {
        DataSource reading = postgres(database) ? own(database, "prepareThreshold=-1") : dataSource;
        return new JdbcStoredEvents(reading, schema.getIfAvailable(EventSchema::new), eventSerializer,
                configuration.upcasterChain(), FETCH_SIZE);
    }

    @Bean
    RebuildConnection rebuildConnection(JdbcConnectionDetails database, DataSource dataSource) {
        return postgres(database) ? own(database, "reWriteBatchedInserts=true")::getConnection
                : dataSource::getConnection;
    }

    private static boolean postgres(JdbcConnectionDetails database) {
        return database.getJdbcUrl() != null && database.getJdbcUrl().startsWith("jdbc:postgresql:");
    }

    /** Connections of their own (not the pool's), with one more driver parameter. */
    private static DataSource own(JdbcConnectionDetails database, String parameter) {
        String url = database.getJdbcUrl();
        DriverManagerDataSource own = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + parameter,
                database.getUsername(), database.getPassword());
        own.setDriverClassName("org.postgresql.Driver");
        return own;
    }
}
