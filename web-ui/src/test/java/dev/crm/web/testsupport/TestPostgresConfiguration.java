package dev.crm.web.testsupport;

import dev.crm.query.RoundTrips;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;

import dev.crm.testsupport.TestPostgres;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Points the DataSource (and so Flyway, Axon's event and token stores, the read models) at {@link TestPostgres},
 * and lets a test count a request's database round trips ({@link CountedRequests}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPostgresConfiguration {

    @Bean
    JdbcConnectionDetails testPostgres() {
        TestPostgres.Endpoint e = TestPostgres.get();
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return e.username();
            }

            @Override
            public String getPassword() {
                return e.password();
            }

            @Override
            public String getJdbcUrl() {
                return e.jdbcUrl();
            }
        };
    }

    /** Every user of the data source (JdbcTemplate, Axon, Flyway) gets it through the counting wrapper. */
    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource ? RoundTrips.wrap(dataSource, () -> { }) : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<CountedRequests> countedRequests() {
        FilterRegistrationBean<CountedRequests> registration = new FilterRegistrationBean<>(new CountedRequests());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
