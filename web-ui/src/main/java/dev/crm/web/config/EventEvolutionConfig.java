package dev.crm.web.config;

import dev.crm.query.evolution.EventRevisions;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Events carry their revision in an annotation of their own ({@code @EventRevision}, in {@code shared-events},
 * which knows nothing of Axon); Axon's serializers are built with this resolver instead of its
 * {@code AnnotationRevisionResolver}, so the store writes that revision beside each event. The upcasters are
 * beans of the query side ({@code dev.crm.query.evolution}), which Axon's Spring Boot support puts in the
 * upcaster chain of every read.
 */
@Configuration(proxyBeanMethods = false)
class EventEvolutionConfig {

    @Bean
    RevisionResolver revisionResolver() {
        return new EventRevisions();
    }
}
