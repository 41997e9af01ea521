package dev.crm.web.processor;

import dev.crm.query.replay.LiveRebuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A live rebuild that did not finish (its instance died) resumes: at start-up, and on a poll, so that another
 * instance takes it over; the advisory lock lets one run it ({@link LiveRebuild}).
 */
@Component
class LiveRebuildResume {

    private static final Logger log = LoggerFactory.getLogger(LiveRebuildResume.class);

    private final LiveRebuild live;

    LiveRebuildResume(LiveRebuild live) {
        this.live = live;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        check();
    }

    @Scheduled(initialDelayString = "${crm.rebuild.resume-check:15s}", fixedDelayString = "${crm.rebuild.resume-check:15s}")
    void check() {
        try {
            live.resumeIfUnfinished();
        } catch (RuntimeException e) {
            log.warn("could not check for an unfinished live rebuild: {}", e.getMessage());
        }
    }
}
