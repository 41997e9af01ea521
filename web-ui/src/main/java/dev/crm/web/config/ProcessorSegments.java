package dev.crm.web.config;

import dev.crm.app.analytics.AnalyticsProjection;
import dev.crm.app.email.EmailSending;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The streaming processors' segments and the token store's timings (docs/scaling.md): how many segments each
 * processor has (one thread per segment on every instance, so that one survivor can hold them all), how long a claim
 * lasts without being extended before another instance may take it ({@code crm.processors.claim-timeout}, 10 s), and
 * how often an instance with a free thread looks for a segment to claim ({@code crm.processors.claim-interval}, 2 s).
 */
@Component
public class ProcessorSegments {

    private final Map<String, Integer> segments;
    private final Duration claimTimeout;
    private final Duration claimInterval;

    ProcessorSegments(@Value("${crm.mail.segments:2}") int mail,
                      @Value("${crm.analytics.segments:2}") int analytics,
                      @Value("${crm.processors.claim-timeout:10s}") Duration claimTimeout,
                      @Value("${crm.processors.claim-interval:2s}") Duration claimInterval) {
        if (mail < 1 || analytics < 1) {
            throw new IllegalArgumentException("a streaming processor needs at least one segment");
        }
        if (claimInterval.compareTo(claimTimeout) >= 0) {
            throw new IllegalArgumentException("crm.processors.claim-interval (" + claimInterval
                    + ") must be shorter than crm.processors.claim-timeout (" + claimTimeout + ")");
        }
        this.segments = Map.of(EmailSending.GROUP, mail, AnalyticsProjection.GROUP, analytics);
        this.claimTimeout = claimTimeout;
        this.claimInterval = claimInterval;
    }

    /** The segments configured for a streaming processor (null: not one of the CRM's). */
    public Integer of(String processor) {
        return segments.get(processor);
    }

    public Map<String, Integer> all() {
        return segments;
    }

    public Duration claimTimeout() {
        return claimTimeout;
    }

    public Duration claimInterval() {
        return claimInterval;
    }
}
