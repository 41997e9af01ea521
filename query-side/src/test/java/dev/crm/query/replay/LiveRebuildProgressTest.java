package dev.crm.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How a live rebuild remembers the global indexes it skipped ({@link LiveRebuild.Progress}). */
class LiveRebuildProgressTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void skippedIndexesAreGapsUntilTheirEventsArrive() {
        LiveRebuild.Progress p = new LiveRebuild.Progress(0, "", 0, Duration.ofSeconds(60), NOW);
        p.seen(1, NOW);
        p.seen(2, NOW);
        p.seen(5, NOW);
        assertThat(p.position).isEqualTo(5);
        assertThat(p.gapList()).isEqualTo("3,4");
        // a transaction that took index 4 commits late: it is read with the next pass, and is no gap any more
        p.seen(4, NOW);
        assertThat(p.position).isEqualTo(5);
        assertThat(p.gapList()).isEqualTo("3");
        assertThat(p.done).isEqualTo(4);
    }

    @Test
    void aGapOlderThanTheTimeoutIsARolledBackAppendAndForgotten() {
        LiveRebuild.Progress p = new LiveRebuild.Progress(0, "", 0, Duration.ofSeconds(60), NOW);
        p.seen(1, NOW);
        p.seen(3, NOW);
        p.expire(NOW.plusSeconds(59));
        assertThat(p.gapList()).isEqualTo("2");
        p.expire(NOW.plusSeconds(61));
        assertThat(p.gapList()).isEmpty();
    }

    @Test
    void recordedGapsComeBackOnResumeAndAnAttemptThatRolledBackIsUndone() {
        LiveRebuild.Progress p = new LiveRebuild.Progress(10, "7,9", 8, Duration.ofSeconds(60), NOW);
        assertThat(p.gapList()).isEqualTo("7,9");
        LiveRebuild.Progress saved = p.copy();
        p.seen(9, NOW);
        p.seen(12, NOW);
        assertThat(p.gapList()).isEqualTo("7,11");
        p.restore(saved);
        assertThat(p.position).isEqualTo(10);
        assertThat(p.done).isEqualTo(8);
        assertThat(p.gapList()).isEqualTo("7,9");
    }
}
