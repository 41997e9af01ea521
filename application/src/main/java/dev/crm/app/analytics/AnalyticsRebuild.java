package dev.crm.app.analytics;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the analytics tables by replay, while the CRM keeps taking commands: the processor stops, its tokens go back
 * to the store's tail (its {@code @ResetHandler} empties the tables in the same transaction) and it starts again,
 * catching up in the background; the reports say how far behind they are meanwhile. The processor's segments must be
 * free of other instances' claims (Axon refuses the reset otherwise): with several instances, stop the others' first.
 */
@Component
public class AnalyticsRebuild {

    private final EventProcessingConfiguration processing;

    public AnalyticsRebuild(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    public void rebuild() {
        TrackingEventProcessor processor = processing
                .eventProcessor(AnalyticsProjection.GROUP, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no tracking processor " + AnalyticsProjection.GROUP));
        processor.shutDown();
        processor.resetTokens();
        processor.start();
    }
}
