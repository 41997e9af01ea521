package dev.crm.web.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The one clock of the application (tests may replace it), and scheduling for background work. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
