package dev.crm.app.analytics;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far the analytics projection is behind the event store's head: the tokens of its segments are read from Axon's
 * JDBC token store (without claiming them, so any instance can tell, whichever holds the segments), and the events past
 * the slowest segment's position are counted (at most {@value #COUNTED}; more reads as that many). {@code asOf} is the
 * time of the last event that segment handled (null before it handled any).
 */
@Component
public class AnalyticsLag {

    /** Counting stops here: a projection this far behind is being rebuilt. */
    static final int COUNTED = 100_000;

    public record Lag(long events, Instant asOf) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public AnalyticsLag(JdbcTemplate jdbc, @Qualifier("serializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    public Lag now() {
        long position = position();
        Long behind = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM domainevententry WHERE globalindex > ? "
                + "LIMIT " + COUNTED + ") behind", Long.class, position);
        Instant asOf = null;
        if (position >= 0) {
            List<String> times = jdbc.queryForList("SELECT timestamp FROM domainevententry WHERE globalindex = ?",
                    String.class, position);
            asOf = times.isEmpty() ? null : Instant.parse(times.get(0));
        }
        return new Lag(behind == null ? 0 : behind, asOf);
    }

    /** The global index the slowest segment has reached (-1: none yet, or no token). */
    long position() {
        List<Long> positions = jdbc.query("SELECT token, tokentype FROM tokenentry WHERE processorname = ?",
                (rs, n) -> {
                    byte[] token = rs.getBytes("token");
                    String type = rs.getString("tokentype");
                    if (token == null || type == null) {
                        return -1L;
                    }
                    TrackingToken t = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
                    OptionalLong p = t == null ? OptionalLong.empty() : t.position();
                    return p.orElse(-1L);
                }, AnalyticsProjection.GROUP);
        return positions.isEmpty() ? -1 : positions.stream().mapToLong(Long::longValue).min().orElse(-1);
    }
}
