package dev.crm.web.config;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says, every {@code crm.instance.heartbeat} (2 s), that this instance is alive: its row in {@code crm_instance}
 * ({@code seen_at}, from the injected clock), and counts the instances seen within {@code crm.instance.expire-after}
 * (6 s); then lets the {@link SegmentBalancer} give up the segments above this instance's fair share. It runs on a
 * thread of its own, so that a long campaign send on the scheduler's thread never makes the instance look dead.
 *
 * <p>The expiry is shorter than the token store's claim timeout on purpose: when an instance dies, the survivors count
 * it gone before they take its claims over, so they do not give a taken-over segment up again. The heartbeat decides
 * only how segments are shared, never who may process one: that is the token store's claim, so a wrong count (clocks
 * apart, a slow database) makes the sharing uneven for a while, never a segment processed twice.
 *
 * <p>{@code crm.processors.balance=false} leaves this instance out (no row, no release): it then takes the segments
 * nobody holds, as Axon does by itself (the tests' second application context).
 */
@Component
class InstanceHeartbeat implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);
    /** Rows of instances not seen for this long are deleted. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final InstanceName name;
    private final SegmentBalancer balancer;
    private final Duration every;
    private final Duration expireAfter;
    private final boolean enabled;
    private final String incarnation = UUID.randomUUID().toString();
    private ScheduledExecutorService thread;
    private volatile int live = 1;

    InstanceHeartbeat(JdbcTemplate jdbc, Clock clock, InstanceName name, SegmentBalancer balancer,
                      ProcessorSegments segments,
                      @Value("${crm.instance.heartbeat:2s}") Duration every,
                      @Value("${crm.instance.expire-after:6s}") Duration expireAfter,
                      @Value("${crm.processors.balance:true}") boolean enabled) {
        if (expireAfter.compareTo(every) <= 0 || expireAfter.compareTo(segments.claimTimeout()) >= 0) {
            throw new IllegalArgumentException("crm.instance.expire-after (" + expireAfter + ") must be longer than "
                    + "crm.instance.heartbeat (" + every + ") and shorter than crm.processors.claim-timeout ("
                    + segments.claimTimeout() + ")");
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.name = name;
        this.balancer = balancer;
        this.every = every;
        this.expireAfter = expireAfter;
        this.enabled = enabled;
    }

    /** Starts beating once the application is ready (its processors started). */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled || thread != null) {
            return;
        }
        register();
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "crm-heartbeat");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::beat, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Instance {} shares the streaming processors' segments with the instances seen within {}", name,
                expireAfter);
    }

    /** The instances alive, this one included (as of the last beat). */
    int live() {
        return live;
    }

    void beat() {
        try {
            Instant now = clock.instant();
            int updated = jdbc.update("UPDATE crm_instance SET seen_at = ? WHERE name = ? AND incarnation = ?",
                    Timestamp.from(now), name.value(), incarnation);
            if (updated == 0) {
                LOG.error("Another process registered as instance {} (or its row was deleted): two live instances "
                        + "must not share a name (crm.instance.name); registering again", name);
                register();
            }
            live = Math.max(1, jdbc.queryForObject("SELECT COUNT(*) FROM crm_instance WHERE seen_at > ?",
                    Integer.class, Timestamp.from(now.minus(expireAfter))));
            jdbc.update("DELETE FROM crm_instance WHERE seen_at < ?", Timestamp.from(now.minus(FORGET_AFTER)));
            balancer.balance(live);
        } catch (RuntimeException e) {
            // the database away for a moment: the claims decide who processes what, this only how they are shared
            LOG.warn("Heartbeat of instance {} failed: {}", name, e.toString());
        }
    }

    private void register() {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("UPDATE crm_instance SET incarnation = ?, started_at = ?, seen_at = ? WHERE name = ?",
                incarnation, now, now, name.value());
        if (updated == 0) {
            jdbc.update("INSERT INTO crm_instance (name, incarnation, started_at, seen_at) VALUES (?, ?, ?, ?)",
                    name.value(), incarnation, now, now);
        }
    }

    /** A graceful stop: the row goes at once, so the others count this instance gone without waiting. */
    @Override
    public void destroy() {
        if (thread == null) {
            return;
        }
        thread.shutdownNow();
        try {
            jdbc.update("DELETE FROM crm_instance WHERE name = ? AND incarnation = ?", name.value(), incarnation);
        } catch (RuntimeException e) {
            LOG.debug("Instance row of {} not deleted: {}", name, e.toString());
        }
    }
}
