package dev.crm.app.processor;

import dev.crm.app.analytics.AnalyticsProjection;
import dev.crm.app.analytics.AnalyticsRebuild;
import dev.crm.app.email.EmailSending;
import dev.crm.command.Rejected;
import dev.crm.query.replay.LiveRebuild;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every event processor with its position, its lag behind the store's head and its segments' holders (read from the
 * token store without claiming), and the rebuilds: the query side's read models live into shadow tables
 * ({@link LiveRebuild}), the analytics tables by the reset of their processor ({@link AnalyticsRebuild}).
 */
@Component
public class Processors {

    public static final String SUBSCRIBING = "subscribing";
    public static final String STREAMING = "streaming";

    /** A segment of a streaming processor: its token's position and the instance that holds its claim (or null). */
    public record Segment(int segment, long position, String owner) {
    }

    /** The state of a rebuild: {@code state} is one of {@link LiveRebuild}'s. */
    public record Rebuild(String state, long done, long total, int percent, Instant startedAt, Long etaSeconds,
                          Instant finishedAt, Long switchMillis, Long resumedFrom, String owner,
                          List<String> processors, List<String> tables, String error) {
        public boolean running() {
            return !LiveRebuild.DONE.equals(state) && !LiveRebuild.FAILED.equals(state);
        }
    }

    /** A processor: {@code mode} subscribing or streaming; {@code how} a rebuild of it goes (live, reset or null). */
    public record Processor(String name, String mode, long position, long lag, List<Segment> segments,
                            String rebuildAs, Rebuild rebuild) {
        public boolean rebuildable() {
            return rebuildAs != null;
        }
    }

    /** What a started rebuild covers. */
    public record Started(String name, String mode, List<String> processors, List<String> tables, Rebuild rebuild) {
    }

    public static final String LIVE = "live";
    public static final String RESET = "reset";

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final LiveRebuild live;
    private final AnalyticsRebuild analytics;
    private final Clock clock;
    /** The analytics reset this instance started: when, and the head it has to reach. */
    private volatile Instant analyticsStarted;
    private volatile long analyticsTarget;

    public Processors(EventProcessingConfiguration processing, JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer,
               LiveRebuild live, AnalyticsRebuild analytics, Clock clock) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.live = live;
        this.analytics = analytics;
        this.clock = clock;
    }

    /** Whether a live rebuild can run on this database (PostgreSQL). */
    public boolean liveAvailable() {
        return live.available();
    }

    public List<Processor> all() {
        long head = live.head();
        Map<String, List<Segment>> segments = new TreeMap<>();
        jdbc.query("SELECT processorname, segment, token, tokentype, owner FROM tokenentry ORDER BY processorname, segment",
                rs -> {
                    segments.computeIfAbsent(rs.getString("processorname"), k -> new ArrayList<>()).add(new Segment(
                            rs.getInt("segment"), position(rs.getBytes("token"), rs.getString("tokentype")),
                            rs.getString("owner")));
                });
        List<String> readModels = live.processors();
        Rebuild readModelsRebuild = live.status().map(Processors::of).orElse(null);
        List<Processor> all = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> e : new TreeMap<>(processing.eventProcessors()).entrySet()) {
            String name = e.getKey();
            String rebuildAs = readModels.contains(name) ? LIVE : AnalyticsProjection.GROUP.equals(name) ? RESET : null;
            if (e.getValue() instanceof StreamingEventProcessor) {
                List<Segment> own = segments.getOrDefault(name, List.of());
                long position = own.stream().mapToLong(Segment::position).min().orElse(0);
                Rebuild rebuild = RESET.equals(rebuildAs) ? analyticsRebuild(position) : null;
                all.add(new Processor(name, STREAMING, position, Math.max(0, head - position), own, rebuildAs, rebuild));
            } else {
                all.add(new Processor(name, SUBSCRIBING, head, 0, List.of(), rebuildAs,
                        LIVE.equals(rebuildAs) ? readModelsRebuild : null));
            }
        }
        return all;
    }

    /**
     * Starts the rebuild of a processor's read model: for one of the query side's, every read model of the query side
     * live (they share tables); for the analytics, the reset of its tokens.
     */
    public Started rebuild(String name) {
        if (!processing.eventProcessors().containsKey(name)) {
            throw new Rejected.NotFound("processors.not-found", name);
        }
        if (live.processors().contains(name)) {
            if (!live.available()) {
                throw new Rejected.WrongState("processors.rebuild.needs-postgres");
            }
            try {
                LiveRebuild.Status status = live.start();
                return new Started(name, LIVE, status.processors(), status.tables(), of(status));
            } catch (LiveRebuild.AlreadyRunning e) {
                throw new Rejected.WrongState("processors.rebuild.running");
            }
        }
        if (AnalyticsProjection.GROUP.equals(name)) {
            Rebuild running = analyticsRebuild(all().stream().filter(p -> p.name().equals(name)).findFirst()
                    .map(Processor::position).orElse(0L));
            if (running != null && running.running()) {
                throw new Rejected.WrongState("processors.rebuild.running");
            }
            analyticsTarget = live.head();
            analyticsStarted = clock.instant();
            analytics.rebuild();
            return new Started(name, RESET, List.of(name), AnalyticsProjection.TABLES, analyticsRebuild(0));
        }
        if (EmailSending.GROUP.equals(name)) {
            throw new Rejected.WrongState("processors.rebuild.not-read-model", name);
        }
        throw new Rejected.WrongState("processors.rebuild.not-read-model", name);
    }

    private Rebuild analyticsRebuild(long position) {
        Instant started = analyticsStarted;
        if (started == null) {
            return null;
        }
        long total = analyticsTarget;
        long done = Math.min(position, total);
        boolean finished = done >= total;
        int percent = total == 0 || finished ? 100 : (int) Math.min(99, done * 100 / total);
        long millis = Duration.between(started, clock.instant()).toMillis();
        Long eta = finished ? Long.valueOf(0) : done > 0 && millis > 0
                ? (long) Math.ceil((total - done) / (done * 1000.0 / millis)) : null;
        return new Rebuild(finished ? LiveRebuild.DONE : LiveRebuild.REPLAYING, done, total, percent, started, eta,
                null, null, null, null, List.of(AnalyticsProjection.GROUP), AnalyticsProjection.TABLES, null);
    }

    private static Rebuild of(LiveRebuild.Status s) {
        return new Rebuild(s.state(), s.done(), s.total(), s.percent(), s.startedAt(), s.etaSeconds(), s.finishedAt(),
                s.switchMillis(), s.resumedFrom(), s.owner(), s.processors(), s.tables(), s.error());
    }

    /** A stored token's position (0 when it has none: the tail). */
    private long position(byte[] token, String type) {
        if (token == null || type == null) {
            return 0;
        }
        TrackingToken t = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        OptionalLong p = t == null ? OptionalLong.empty() : t.position();
        return Math.max(0, p.orElse(0));
    }
}
