package dev.crm.web.config;

import dev.crm.app.Cascade;

import dev.crm.shared.Actor;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon wiring. The read models the API reads objects from (every {@code @ProcessingGroup} of the query side) are updated by
 * subscribing processors, in the command's own transaction: a client that got 201 can read the object
 * at once, and a projection that fails rolls the command back instead of drifting from the store.
 * See docs/architecture.md.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Without it a concurrent append surfaces as a generic EventStoreException instead of a conflict. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /** Copies the acting user, and a cascade's ids, from each command into the metadata of its events. */
    @Bean
    CorrelationDataProvider actingUserCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.USERNAME, Cascade.CASCADE, Cascade.DELETED_WITH);
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing) {
        // every read model's processing group, a new kind's too, is a subscribing processor by default
        processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
