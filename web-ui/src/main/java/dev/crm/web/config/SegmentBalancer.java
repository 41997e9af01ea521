package dev.crm.web.config;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Shares every streaming processor's segments between the live instances (docs/scaling.md). Axon's tracking
 * processor claims every segment it has a thread for and never gives one up by itself, so the first instance to start
 * would keep them all. Each instance has a thread per segment (so that a survivor can take them all over); after every
 * heartbeat, an instance holding more than its {@link FairShare} releases the extra ones
 * ({@link StreamingEventProcessor#releaseSegment(int, long, TimeUnit)}: the worker finishes its batch, gives the claim
 * back, and leaves the segment alone for a while) so that an instance with a free thread claims them within its claim
 * interval. Nothing here takes a segment: claiming stays Axon's, through the token store, so the balancer can make the
 * sharing uneven for a moment but never makes two instances process one segment.
 *
 * <p>A processor with fewer segments in the token store than configured (an install from before the count was raised,
 * such as the e-mail sender's one segment before issue 17) has its largest held segment split, one split per beat,
 * until it has them. A lower count than stored is not merged back.
 */
@Component
class SegmentBalancer {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ProcessorSegments configured;
    private final long releaseMillis;

    SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc, ProcessorSegments configured) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.configured = configured;
        // long enough for another instance's launcher to come round (it looks every claim interval), short enough
        // that a segment nobody took comes back soon
        this.releaseMillis = configured.claimInterval().multipliedBy(2).plus(Duration.ofSeconds(1)).toMillis();
    }

    /** Releases this instance's segments above its fair share among {@code live} instances; splits short processors. */
    void balance(int live) {
        Map<String, Integer> stored = new HashMap<>();
        jdbc.query("SELECT processorname, COUNT(*) FROM tokenentry GROUP BY processorname",
                rs -> {
                    stored.put(rs.getString(1), rs.getInt(2));
                });
        for (EventProcessor p : processing.eventProcessors().values()) {
            if (!(p instanceof StreamingEventProcessor processor) || !processor.isRunning()) {
                continue;
            }
            int segments = stored.getOrDefault(processor.getName(), 0);
            if (segments == 0) {
                continue; // not initialized yet
            }
            Map<Integer, EventTrackerStatus> held = processor.processingStatus();
            Integer wanted = configured.of(processor.getName());
            if (wanted != null && segments < wanted && !held.isEmpty()) {
                EventTrackerStatus largest = held.values().stream()
                        .min(Comparator.comparingInt(s -> s.getSegment().getMask())).orElseThrow();
                int id = largest.getSegment().getSegmentId();
                LOG.info("Processor {} has {} segments of {}: splitting segment {}", processor.getName(), segments,
                        wanted, id);
                processor.splitSegment(id);
                continue;
            }
            List<Integer> release = FairShare.toRelease(held.keySet(), segments, live);
            for (int id : release) {
                LOG.info("Processor {}: releasing segment {} of {} (fair share {} of {} instances)",
                        processor.getName(), id, segments, FairShare.of(segments, live), live);
                processor.releaseSegment(id, releaseMillis, TimeUnit.MILLISECONDS);
            }
        }
    }
}
