package dev.crm.web.config;

import dev.crm.query.history.HistoryCache;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * The history cache on {@code /actuator/metrics} (and Prometheus): requests served from it or not
 * ({@code crm.history.cache.requests}, tag {@code result} = {@code hit} / {@code miss}), and what it holds
 * ({@code crm.history.cache.size} in bytes, about; {@code crm.history.cache.objects}).
 */
@Component
class HistoryCacheMetrics implements MeterBinder {

    private final HistoryCache cache;

    HistoryCacheMetrics(HistoryCache cache) {
        this.cache = cache;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("crm.history.cache.requests", cache, HistoryCache::hits).tag("result", "hit")
                .description("history requests served from the cache").register(registry);
        FunctionCounter.builder("crm.history.cache.requests", cache, HistoryCache::misses).tag("result", "miss")
                .description("history requests that read the event streams").register(registry);
        Gauge.builder("crm.history.cache.size", cache, HistoryCache::bytes).baseUnit("bytes")
                .description("about how much heap the kept histories hold (bound: crm.history.cache-size)")
                .register(registry);
        Gauge.builder("crm.history.cache.objects", cache, HistoryCache::objects)
                .description("objects whose history is kept").register(registry);
    }
}
