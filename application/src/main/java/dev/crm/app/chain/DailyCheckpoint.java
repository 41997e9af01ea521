package dev.crm.app.chain;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * One checkpoint a day (UTC, from the injected clock): every instance looks each hour whether today's exists and
 * makes it if not; the day's unique key keeps it to one. {@code crm.chain.daily-checkpoints=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "crm.chain.daily-checkpoints", havingValue = "true", matchIfMissing = true)
class DailyCheckpoint {

    private final Checkpoints checkpoints;

    DailyCheckpoint(Checkpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Scheduled(initialDelayString = "${crm.chain.daily-first:5m}", fixedDelayString = "${crm.chain.daily-every:1h}")
    void daily() {
        checkpoints.daily();
    }
}
