package dev.crm.web.audit;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The exports are the service's only asynchronous answers ({@code StreamingResponseBody}): a whole store takes longer
 * than the servlet container's default of 30 seconds for an asynchronous request, so they get
 * {@code crm.export.timeout} (default one hour) to finish writing.
 */
@Configuration
class AuditExportConfig implements WebMvcConfigurer {

    private final Duration timeout;

    AuditExportConfig(@Value("${crm.export.timeout:1h}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
        configurer.setDefaultTimeout(timeout.toMillis());
    }
}
