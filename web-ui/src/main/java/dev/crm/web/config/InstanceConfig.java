package dev.crm.web.config;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This instance's name (docs/scaling.md, "What each instance does"). */
@Configuration(proxyBeanMethods = false)
class InstanceConfig {

    /** Application contexts started in this JVM: the second one's name gets {@code #2} (tests run two). */
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Bean
    InstanceName instanceName(@Value("${crm.instance.name:}") String configured) {
        String name = configured == null || configured.isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() // pid@host
                : configured.strip();
        int context = CONTEXTS.incrementAndGet();
        return new InstanceName(context == 1 ? name : name + "#" + context);
    }
}
