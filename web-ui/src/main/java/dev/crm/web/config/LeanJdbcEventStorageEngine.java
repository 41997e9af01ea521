package dev.crm.web.config;

import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event store without the two round trips a command never needs: the CRM takes no snapshots, so
 * loading an aggregate does not ask for one; and a batch of an aggregate's events shorter than the batch size is
 * known to be the last, so no empty batch is fetched after it (see {@code AxonConfig}).
 */
class LeanJdbcEventStorageEngine extends JdbcEventStorageEngine {

    LeanJdbcEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return Stream.empty();
    }
}
