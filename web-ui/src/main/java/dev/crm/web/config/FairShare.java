package dev.crm.web.config;

import java.util.Collection;
import java.util.List;

/**
 * How many of a streaming processor's segments one instance may hold while others are alive, and which of its own
 * it gives up: each instance holds at most {@code ceil(segments / live instances)}; one holding more releases the
 * segments above that share, the highest IDs first (the same ones on every try, so a release asked again while the
 * first is still under way changes nothing). Alone, an instance holds every segment. docs/scaling.md.
 */
final class FairShare {

    private FairShare() {
    }

    /** The most segments one of {@code liveInstances} instances may hold ({@code ceil}; every segment when alone). */
    static int of(int segments, int liveInstances) {
        if (segments <= 0) {
            return 0;
        }
        int live = Math.max(1, liveInstances);
        return (segments + live - 1) / live;
    }

    /** The segments of {@code held} this instance releases so that it keeps its fair share: the highest IDs first. */
    static List<Integer> toRelease(Collection<Integer> held, int segments, int liveInstances) {
        int keep = of(segments, liveInstances);
        if (held.size() <= keep) {
            return List.of();
        }
        return held.stream().sorted().skip(keep).toList();
    }
}
