package dev.crm.web.testsupport;

import dev.crm.testsupport.TestPostgres;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Points the DataSource (and so Flyway, Axon's event and token stores, the read models) at {@link TestPostgres}. */
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
}
