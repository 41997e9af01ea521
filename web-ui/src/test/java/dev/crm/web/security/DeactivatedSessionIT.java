package dev.crm.web.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.slf4j.LoggerFactory;

/**
 * A user deactivated while signed in: their session's next request ends it. The API answers 401
 * problem+json, pages go to the sign-in page with a message, and the log has one INFO line, no stack
 * trace. (It used to be a 500 with a stack trace on every API call.)
 */
@CrmIntegrationTest
class DeactivatedSessionIT {

    @LocalServerPort
    int port;
    @Autowired
    CurrentActor currentActor;
    final ObjectMapper json = new ObjectMapper();
    Api api;
    BrowserSession browser;
    /** Everything the application logs during the test. */
    final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        api = new Api(port);
        browser = new BrowserSession(port);
        log.start();
        root().addAppender(log);
        // the tests log WARN and up; this line is INFO in production
        filterLog().setLevel(Level.INFO);
    }

    @AfterEach
    void close() {
        filterLog().setLevel(null);
        root().detachAppender(log);
        browser.close();
        SecurityContextHolder.clearContext();
    }

    private static Logger filterLog() {
        return (Logger) LoggerFactory.getLogger(ActiveSessionFilter.class);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** The lines about ending the user's session: all INFO; and nothing logged an error or a stack trace. */
    private List<ILoggingEvent> endedSessionLines(String user) {
        List<ILoggingEvent> events = List.copyOf(log.list);
        assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .noneMatch(e -> e.getThrowableProxy() != null);
        List<ILoggingEvent> ended = events.stream()
                .filter(e -> e.getFormattedMessage().equals("Ended the session of " + user
                        + ": the account is no longer active")).toList();
        assertThat(ended).allMatch(e -> e.getLevel() == Level.INFO);
        return ended;
    }

    @Test
    void theApiAnswers401AndTheSessionIsOverEvenAfterReactivation() throws Exception {
        String user = api.newUser("leaver");
        Page page = browser.signIn(user);
        assertThat(page.request().get("/api/me").status()).isEqualTo(200);

        assertThat(api.as("admin", "POST", "/api/users/" + user + "/deactivate", null).status()).isEqualTo(200);
        APIResponse ended = page.request().get("/api/memos");
        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(ended.text());
        assertThat(problem.get("type").asText()).isEqualTo("urn:crm:problem:unauthenticated");
        assertThat(problem.get("detail").asText()).contains("your account is no longer active");
        // from then on the browser is simply not signed in
        APIResponse next = page.request().get("/api/me");
        assertThat(next.status()).isEqualTo(401);
        assertThat(json.readTree(next.text()).get("detail").asText()).contains("Send HTTP Basic credentials");

        // the session is gone, not just refused: reactivating the user does not bring it back
        assertThat(api.as("admin", "POST", "/api/users/" + user + "/activate", null).status()).isEqualTo(200);
        assertThat(page.request().get("/api/me").status()).isEqualTo(401);

        assertThat(endedSessionLines(user)).hasSize(1);
    }

    @Test
    void thePagesGoToSignInWithAMessageAndHtmxReloadsTheWholePage() {
        String user = api.newUser("leaver");
        Page page = browser.signIn(user);
        Page other = browser.signIn(user);
        assertThat(api.as("admin", "POST", "/api/users/" + user + "/deactivate", null).status()).isEqualTo(200);

        page.navigate("/memos");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?ended$"));
        assertThat(page.locator("#login-ended")).hasText("Your session has ended because your account is no longer active.");
        assertThat(page.locator("#current-user")).hasCount(0);

        // a style sheet or font the browser fetches late is not a page: it neither ends the session nor answers
        // for it (before, such a late fetch ended the session and the htmx request below met no session at all)
        assertThat(other.request().get("/css/crm.css").status()).isEqualTo(200);
        assertThat(endedSessionLines(user)).hasSize(1);

        APIResponse fragment = other.request().get("/memos", RequestOptions.create().setHeader("HX-Request", "true")
                .setMaxRedirects(0));
        assertThat(fragment.status()).isEqualTo(401);
        assertThat(fragment.headers().get("hx-redirect")).isEqualTo("/login?ended");

        assertThat(endedSessionLines(user)).hasSize(2);
    }

    @Test
    void aUserDeactivatedInTheMidstOfARequestIsNotSignedInRatherThanAnError() {
        String user = api.newUser("leaver");
        assertThat(api.as("admin", "POST", "/api/users/" + user + "/deactivate", null).status()).isEqualTo(200);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        // Spring Security turns an AuthenticationException into 401 (API) or the sign-in page, never a 500
        assertThatThrownBy(currentActor::get).isInstanceOf(AuthenticationException.class);
    }
}
