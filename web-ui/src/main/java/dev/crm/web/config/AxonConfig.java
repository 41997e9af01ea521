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
import java.util.concurrent.TimeUnit;

/**
 * Axon wiring. The read models the API reads objects from (every {@code @ProcessingGroup} of the query side) are updated by
 * subscribing processors, in the command's own transaction: a client that got 201 can read the object
 * at once, and a projection that fails rolls the command back instead of drifting from the store.
 * The sending of e-mails ({@link EmailSending}) is a tracking processor: it works after the command commits,
 * from a token per segment in Axon's JDBC token store ({@code tokenentry}), each segment claimed by one instance at a
 * time. The analytics reports' projection ({@link AnalyticsProjection}) is the other: its tables may lag behind
 * commands, in segments of its own. Instances share the segments ({@link SegmentBalancer}; docs/scaling.md).
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
    void configureProcessors(EventProcessingConfigurer processing, ProjectionWrites writes, ProcessorSegments segments) {
        // every read model's processing group, a new kind's too, is a subscribing processor by default, and
        // sends each event's statements in one round trip
        processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((c, name) -> new WritesPerEvent(writes));
        // The streaming processors (docs/scaling.md): each in segments (crm.mail.segments, crm.analytics.segments,
        // default 2) that the instances on one database share (SegmentBalancer), with one thread per segment on every
        // instance, so that one survivor can hold them all; an instance with a free thread looks for a segment to
        // claim every crm.processors.claim-interval (2 s), and takes over one whose claim was not extended for
        // crm.processors.claim-timeout (10 s, the token store's).
        long claimInterval = segments.claimInterval().toMillis();
        // the sender: after the commit, one event at a time per segment, from the store's head when it first starts
        // (e-mails queued before sending existed: none); a failing event (the mail server not reachable now) is
        // retried with the processor's back-off (1 s doubling to 60 s), its claim released meanwhile. Segments split
        // by e-mail (Axon's sequential-per-aggregate policy): every event of one e-mail is handled by one segment, in
        // order (docs/reliability.md, "E-mail: what exactly once rests on")
        int mail = segments.of(EmailSending.GROUP);
        processing.registerTrackingEventProcessor(EmailSending.GROUP,
                org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forParallelProcessing(mail).andInitialSegmentsCount(mail)
                        .andBatchSize(1).andTokenClaimInterval(claimInterval, TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        // the analytics reports' projection: after the commit, from the store's tail when it first starts (so a
        // new install, or a reset, replays the whole store into its tables), in segments that instances share; one
        // thread per segment, batches of 100 events a transaction
        int analytics = segments.of(AnalyticsProjection.GROUP);
        processing.registerTrackingEventProcessor(AnalyticsProjection.GROUP,
                org.axonframework.config.Configuration::eventStore,
                c -> TrackingEventProcessorConfiguration.forParallelProcessing(analytics)
                        .andInitialSegmentsCount(analytics).andBatchSize(100)
                        .andTokenClaimInterval(claimInterval, TimeUnit.MILLISECONDS)
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }

    /**
     * Axon's JDBC token store on the CRM database, as the auto-configuration would build it, but with this instance's
     * name ({@link InstanceName}) as the owner of its claims, and the claim timeout set explicitly
     * ({@code crm.processors.claim-timeout}): how long a claim lasts without being extended before another instance
     * may take the segment over (a process killed without releasing its claims; docs/scaling.md).
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, InstanceName instance,
                          ProcessorSegments segments) {
        return JdbcTokenStore.builder().connectionProvider(connections).serializer(serializer)
                .schema(TokenSchema.builder().build())
                .nodeId(instance.value())
                .claimTimeout(segments.claimTimeout())
                .build();
    }
}
