package dev.crm.web.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

/**
 * The CRM of {@link CrmIntegrationTest} for the tests that drive pages through MockMvc, in a context of its own:
 * Spring Security's test helpers ({@code with(csrf())}, {@code with(user(…))}) replace the CSRF token and security
 * context repositories of the filter chain they run in, so in the shared context they would change how the real
 * server answers the browser and session tests (a form posted without a session would open one). This second
 * CRM works on the same database; it sends no campaigns ({@code crm.mail.campaign-sending=false}), so that one
 * sender, whose clock the campaign tests move, is all there is. It does not share the streaming processors' segments
 * either ({@code crm.processors.balance=false}: it takes only those nobody holds), so that the analytics rebuild of the
 * first context is not refused for a segment this one holds.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CrmIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {"crm.mail.campaign-sending=false", "crm.processors.balance=false"})
public @interface CrmMockMvcTest {
}
