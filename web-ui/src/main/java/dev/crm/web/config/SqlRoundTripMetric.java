package dev.crm.web.config;

import dev.crm.query.RoundTrips;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metric {@code crm.sql.round-trips}: every round trip to the database (statement, batch, commit), counted by
 * {@link RoundTrips} around the data source. Off unless {@code crm.metrics.sql-round-trips=true}, because the
 * counting wrapper costs a little on every statement; the benchmark turns it on to print round trips per
 * operation beside the CPU figures.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "crm.metrics.sql-round-trips", havingValue = "true")
class SqlRoundTripMetric {

    private static final LongAdder ROUND_TRIPS = new LongAdder();

    @Bean
    static BeanPostProcessor countingRoundTrips() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? RoundTrips.wrap(dataSource, ROUND_TRIPS::increment) : bean;
            }
        };
    }

    @Bean
    MeterBinder sqlRoundTrips() {
        return registry -> FunctionCounter.builder("crm.sql.round-trips", ROUND_TRIPS, LongAdder::sum)
                .description("Round trips to the database: statements, batches, commits and rollbacks")
                .register(registry);
    }
}
