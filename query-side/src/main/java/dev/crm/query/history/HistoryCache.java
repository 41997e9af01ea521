package dev.crm.query.history;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The histories {@link HistoryReader} built, so that reading an unchanged object's history again costs no
 * event read and no deserialization. One history per object, with the {@link ObjectHistory.Stamp versions} it
 * was built from: a history is served only when those are the versions the read model has now, so a change of
 * the object or of one of its files (made by this instance or another one on the same database) is never
 * served stale, and building a newer history replaces the older one.
 *
 * <p>Bounded by the heap its histories hold, about ({@link ObjectHistory#bytes()}): {@code crm.history.cache-size}
 * (default 64 MB; 0 keeps nothing). When full, Caffeine evicts the histories least likely to be read again.
 */
@Component
public class HistoryCache {

    private final Cache<Long, ObjectHistory> histories;
    private final long maxBytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    @Autowired
    public HistoryCache(@Value("${crm.history.cache-size:64MB}") DataSize maxSize) {
        this(maxSize.toBytes());
    }

    /** A cache holding histories of at most about {@code maxBytes} bytes in all. */
    public HistoryCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("crm.history.cache-size must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.histories = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Long id, ObjectHistory history) -> (int) Math.min(Integer.MAX_VALUE, history.bytes()))
                // evict in the writing thread: the bound holds when put returns, and tests see it at once
                .executor(Runnable::run)
                .build();
    }

    /** The object's history if it was built from exactly these versions; otherwise null. */
    ObjectHistory get(long objectId, ObjectHistory.Stamp current) {
        ObjectHistory history = histories.getIfPresent(objectId);
        if (history != null && history.stamp().equals(current)) {
            hits.increment();
            return history;
        }
        misses.increment();
        return null;
    }

    /** Keeps a built history (in place of the object's earlier one), if the bound leaves room for it. */
    void put(long objectId, ObjectHistory history) {
        if (maxBytes > 0) {
            histories.put(objectId, history);
        }
    }

    /** Requests served from the cache. */
    public long hits() {
        return hits.sum();
    }

    /** Requests that had to read the streams (nothing kept for the object, or kept for older versions). */
    public long misses() {
        return misses.sum();
    }

    /** How many objects' histories are kept. */
    public long objects() {
        return histories.estimatedSize();
    }

    /** About how many bytes the kept histories hold; at most {@link #maxBytes()}. */
    public long bytes() {
        return histories.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    public long maxBytes() {
        return maxBytes;
    }
}
