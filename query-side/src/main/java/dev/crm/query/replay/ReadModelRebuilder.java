package dev.crm.query.replay;

import java.util.ArrayList;
import java.util.List;
import dev.crm.query.ProjectionWrites;
import dev.crm.query.ReadModel;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throws the read models away and builds them again from the event store, through the very handlers
 * that keep them up to date (every {@code @ProcessingGroup} bean of the query side), committing every
 * {@value #BATCH} events. Because every projection write is guarded by the event's version, applying an
 * event a second time changes nothing.
 *
 * <p>It is a stop-the-world rebuild: run it while no commands arrive (an admin action at start-up).
 * Rebuilding while the service takes commands comes with streaming processors in a later issue.
 */
@Component
public class ReadModelRebuilder {

    static final int BATCH = 1_000;
    /** The row of {@code crm_maintenance} that is set while the read models are rebuilt. */
    public static final String MAINTENANCE = "read-model-rebuild";
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilder.class);

    private final EventStorageEngine store;
    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ProjectionWrites writes;

    public ReadModelRebuilder(EventStorageEngine store, ApplicationContext context, JdbcTemplate jdbc,
                              PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.writes = writes;
        this.store = store;
        this.context = context;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Every table a read model writes ({@link ReadModel#tables()} of each one), in name order. */
    public List<String> tables() {
        return context.getBeansOfType(ReadModel.class).values().stream().flatMap(m -> m.tables().stream())
                .distinct().sorted().toList();
    }

    /** Empties the read models and replays every stored event; returns how many events were replayed. */
    public long rebuild() {
        // Content purging reads the reference counts; it must not see them half rebuilt. Setting the flag
        // waits for a purge under way (it holds the flag row's lock), and purges skip while it is set.
        tx.executeWithoutResult(s -> jdbc.update(
                "UPDATE crm_maintenance SET active = TRUE WHERE name = '" + MAINTENANCE + "'"));
        try {
            List<String> tables = tables();
            tx.executeWithoutResult(s -> tables.forEach(table -> jdbc.update("DELETE FROM " + table)));
            return replay();
        } finally {
            tx.executeWithoutResult(s -> jdbc.update(
                    "UPDATE crm_maintenance SET active = FALSE WHERE name = '" + MAINTENANCE + "'"));
        }
    }

    /** Applies every stored event to the read models as they are (idempotent); returns the count. */
    public long replay() {
        List<AnnotationEventHandlerAdapter> handlers = context.getBeansWithAnnotation(ProcessingGroup.class).values()
                .stream().filter(bean -> bean.getClass().getPackageName().startsWith("dev.crm.query"))
                .map(AnnotationEventHandlerAdapter::new).toList();
        long count = 0;
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(null, false)) {
            for (var iterator = events.iterator(); iterator.hasNext(); ) {
                batch.add(iterator.next());
                if (batch.size() == BATCH) {
                    count += apply(handlers, batch);
                }
            }
        }
        count += apply(handlers, batch);
        log.info("replayed {} events into the read models {}", count, tables());
        return count;
    }

    private int apply(List<AnnotationEventHandlerAdapter> handlers, List<EventMessage<?>> batch) {
        int size = batch.size();
        tx.executeWithoutResult(s -> {
            for (EventMessage<?> event : batch) {
                try {
                    writes.handling(() -> {
                        for (AnnotationEventHandlerAdapter handler : handlers) {
                            if (handler.canHandle(event)) {
                                handler.handle(event);
                            }
                        }
                        return null;
                    });
                } catch (Exception e) {
                    throw new IllegalStateException("replay failed at event " + event.getIdentifier(), e);
                }
            }
        });
        batch.clear();
        return size;
    }
}
