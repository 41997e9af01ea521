package dev.crm.query.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crm.shared.FieldChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** {@link HistoryCache} alone: a history only for the versions it was built from, one per object, and the bound. */
class HistoryCacheTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static ObjectHistory.Stamp stamp(long version, long... fileVersions) {
        List<ObjectHistory.FileVersion> files = new ArrayList<>();
        for (int i = 0; i < fileVersions.length; i += 2) {
            files.add(new ObjectHistory.FileVersion(fileVersions[i], fileVersions[i + 1]));
        }
        return new ObjectHistory.Stamp(version, files);
    }

    /** A history of {@code events} entries, each changing a title to {@code text}. */
    static ObjectHistory history(ObjectHistory.Stamp stamp, int events, String text) {
        List<HistoryEntry> own = new ArrayList<>();
        for (int i = 1; i <= events; i++) {
            own.add(new HistoryEntry(i, T0.plusSeconds(i), "alice", "TaskChanged",
                    List.of(FieldChange.of("title", "before", text)), null, null, null));
        }
        return new ObjectHistory(stamp, own, List.of(), own, null);
    }

    @Test
    void aHistoryIsServedForExactlyTheVersionsItWasBuiltFrom() {
        HistoryCache cache = new HistoryCache(DataSize.ofMegabytes(1));
        ObjectHistory kept = history(stamp(3, 100, 1, 101, 2), 3, "x");
        cache.put(42, kept);

        // equal versions, another instance of them: what a request reads from the read model
        assertThat(cache.get(42, stamp(3, 100, 1, 101, 2))).isSameAs(kept);
        assertThat(cache.get(42, stamp(4, 100, 1, 101, 2))).as("the object changed").isNull();
        assertThat(cache.get(42, stamp(3, 100, 1, 101, 3))).as("a file detached").isNull();
        assertThat(cache.get(42, stamp(3, 100, 1, 101, 2, 102, 1))).as("a file attached").isNull();
        assertThat(cache.get(42, stamp(3, 100, 1))).as("a file gone from the read model").isNull();
        assertThat(cache.get(43, stamp(3, 100, 1, 101, 2))).as("another object").isNull();
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(5);
    }

    @Test
    void aNewerHistoryReplacesTheObjectsOlderOne() {
        HistoryCache cache = new HistoryCache(DataSize.ofMegabytes(1));
        cache.put(42, history(stamp(3), 3, "x"));
        ObjectHistory newer = history(stamp(4), 4, "x");
        cache.put(42, newer);

        assertThat(cache.objects()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo(newer.bytes());
        assertThat(cache.get(42, stamp(3))).isNull();
        assertThat(cache.get(42, stamp(4))).isSameAs(newer);
    }

    @Test
    void theHistoriesKeptNeverHoldMoreThanTheBound() {
        long one = history(stamp(1), 100, "x").bytes();
        HistoryCache cache = new HistoryCache(3 * one + one / 2);
        for (long id = 1; id <= 20; id++) {
            cache.put(id, history(stamp(1), 100, "x"));
            assertThat(cache.bytes()).as("after %d", id).isLessThanOrEqualTo(cache.maxBytes());
            assertThat(cache.objects()).as("after %d", id).isLessThanOrEqualTo(3);
        }
        assertThat(cache.objects()).isEqualTo(3);
        long kept = 0;
        for (long id = 1; id <= 20; id++) {
            if (cache.get(id, stamp(1)) != null) {
                kept++;
            }
        }
        assertThat(kept).as("the others were evicted").isEqualTo(3);
    }

    @Test
    void aHistoryLargerThanTheBoundIsNotKept() {
        HistoryCache cache = new HistoryCache(DataSize.ofKilobytes(100));
        // 10 entries with 10,000 characters each: about as many bytes as entries of a few words take 400
        ObjectHistory large = history(stamp(10), 10, "d".repeat(10_000));
        assertThat(large.bytes()).isGreaterThan(100_000);
        cache.put(7, large);
        assertThat(cache.get(7, stamp(10))).isNull();
        assertThat(cache.bytes()).isZero();

        cache.put(8, history(stamp(10), 10, "short"));
        assertThat(cache.get(8, stamp(10))).isNotNull();
    }

    @Test
    void theBoundIsBytesWhichLongValuesFillFasterThanShortOnes() {
        long shortValues = history(stamp(1), 100, "short").bytes();
        long longValues = history(stamp(1), 100, "l".repeat(5_000)).bytes();
        assertThat(shortValues).isBetween(100L * ObjectHistory.ENTRY_BYTES, 100L * 1_000);
        assertThat(longValues).isGreaterThan(100L * 5_000);
    }

    @Test
    void sizeZeroKeepsNothingAndANegativeSizeIsRefused() {
        HistoryCache off = new HistoryCache(0);
        off.put(1, history(stamp(1), 1, "x"));
        assertThat(off.get(1, stamp(1))).isNull();
        assertThat(off.objects()).isZero();
        assertThatThrownBy(() -> new HistoryCache(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
