package dev.crm.web.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole CRM on a real port, on real PostgreSQL. Every test class with this annotation shares one
 * application context and one database, so tests make their own users and objects (see {@link Api}). The tests
 * that drive pages through MockMvc use {@link CrmMockMvcTest}, a second context (Spring Security's MockMvc helpers
 * replace the CSRF and security-context repositories of the filter chain they run in, which would change how the
 * real server answers the browser tests of this one). Nothing else may change a test class's context
 * ({@code OneContextTest}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"crm.admin-password=" + Api.ADMIN_PASSWORD, "crm.data-dir=target/test-data",
                "crm.max-upload=1MB", "crm.content.purge-interval=500ms",
                // campaigns: their sender polls often, and a send without an outcome is stale soon
                "crm.mail.campaign-poll=200ms", "crm.mail.stale-after=2m",
                // an unfinished live rebuild resumes when a test says so (LiveRebuildIT), not on a poll
                "crm.rebuild.resume-check=1h",
                // the secret store's key (CRM_SECRET_KEY): PostgreSQL has no generated one
                "crm.secret-key=" + CrmIntegrationTest.SECRET_KEY,
                // lists count at most this many objects (1,000 in production), so that tests reach it with a few
                "crm.lists.count-limit=" + CrmIntegrationTest.COUNT_LIMIT})
@Import(TestPostgresConfiguration.class)
public @interface CrmIntegrationTest {

    /** How many objects the lists count before they say "more than that" ({@code Paging}). */
    int COUNT_LIMIT = 5;


    /** The tests' key of the secret store: Base64 of 32 bytes. */
    String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
}
