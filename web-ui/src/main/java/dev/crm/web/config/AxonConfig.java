package dev.crm.web.config;

import dev.crm.app.Cascade;
import dev.crm.app.analytics.AnalyticsProjection;
import dev.crm.app.email.EmailSending;

import dev.crm.query.ProjectionWrites;
import dev.crm.query.WritesPerEvent;
import dev.crm.shared.Actor;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * The sending of e-mails ({@link EmailSending}) is a tracking processor: it works after the command commits,
 * from a token in Axon's JDBC token store ({@code tokenentry}), whose one segment one instance claims at a time.
 * The analytics reports' projection ({@link AnalyticsProjection}) is the other: its tables may lag behind commands,
 * in segments of its own.
 * See docs/architecture.md and docs/reliability.md.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Without it a concurrent append surfaces as a generic EventStoreException instead of a conflict. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * The event store on the application's database, as Axon's auto-configuration would build it, but lean:
     * no snapshot probe and no empty batch after an aggregate's last events (two of a command's round trips).
     * The CRM stores no snapshots; should it ever, this is the place to take the probe back.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver resolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connections, TransactionManager transactions,
                                          ObjectProvider<EventSchema> schema) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(resolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connections)
                .transactionManager(transactions)
                .schema(schema.getIfAvailable(EventSchema::new))
                .batchSize(EVENT_BATCH);
        builder.finalAggregateBatchPredicate(batch -> batch.size() < EVENT_BATCH);
        return new LeanJdbcEventStorageEngine(builder);
    }

    /**
     * Every aggregate's repository reads only its own type's events (Axon's {@code filterEventsByType}), so a
     * command naming another kind's ID finds no aggregate and is answered "not found", with no lookup of the
     * object's kind before each command. Set here for every aggregate, a new kind's too: Axon 4.13 does not
     * carry the {@code @Aggregate(filterEventsByType)} attribute over to the configurer it registers.
     */
    @Bean
    static BeanPostProcessor aggregatesReadOnlyTheirOwnEvents() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof SpringAggregateConfigurer<?> aggregate) {
                    aggregate.setFilterEventsByType(true);
                }
                return bean;
            }
        };
    }

    /**
     * How often an append had to read the previous event's hash (a stream not loaded in its unit of work): every
     * other append chains its events without a round trip of its own (docs/auditing.md).
     */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder chainLookupsMetric(EventStorageEngine engine) {
        return registry -> {
            if (engine instanceof LeanJdbcEventStorageEngine lean) {
                io.micrometer.core.instrument.FunctionCounter.builder("crm.chain.previous-hash-lookups", lean,
                                LeanJdbcEventStorageEngine::previousHashLookups)
                        .description("appends that read the previous event's hash with a query of their own")
                        .register(registry);
            }
        };
    }

    /** How many of an aggregate's events one query reads (Axon's default). */
    static final int EVENT_BATCH = 100;

    /** Copies the acting user, a cascade's ids and an automatic change's cause, from each command into the metadata of its events. */
    @Bean
    CorrelationDataProvider actingUserCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.USERNAME, Cascade.CASCADE, Cascade.DELETED_WITH,
                dev.crm.shared.Causes.CAUSED_BY);
    }

    @Autowired
    void configureProcessors(EventProcessingConfigurer processing, ProjectionWrites writes,
                             @org.springframework.beans.factory.annotation.Value("${crm.analytics.segments:2}")
                             int analyticsSegments) {
        // every read model's processing group, a new kind's too, is a subscribing processor by default, and
        // sends each event's statements in one round trip
        processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, name) -> new WritesPerEvent(writes));
        // the sender: after the commit, one event at a time, from the store's head when it first starts (e-mails
        // queued before sending existed: none); a failing event (the mail server not reachable now) is retried
        // with the processor's back-off (1 s doubling to 60 s), its claim released meanwhile
        processing.registerTrackingEventProcessor(EmailSending.GROUP,
                org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(1)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        // the analytics reports' projection: after the commit, from the store's tail when it first starts (so a
        // new install, or a reset, replays the whole store into its tables), in segments that instances claim; one
        // thread per segment here, batches of 100 events a transaction
        processing.registerTrackingEventProcessor(AnalyticsProjection.GROUP,
                org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forParallelProcessing(analyticsSegments)
                        .andInitialSegmentsCount(analyticsSegments).andBatchSize(100)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    /**
     * Axon's JDBC token store on the CRM database, as the auto-configuration would build it, but each process (each
     * application context) its own owner of claims: two contexts of one JVM (tests) never share a claim.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TokenSchema.builder().build())
                .nodeId(java.lang.management.ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + java.util.UUID.randomUUID())
                .build();
    }
}
