package dev.crm.web.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSupport;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in throttling as clients meet it (the whole policy: {@link LoginThrottleTest}). The throttle reads a
 * clock the test moves, so a slow browser cannot outlast a wait and nothing waits for real time. The users
 * here never sign in successfully before they are guessed at: an address a user signed in from is not
 * held back by their account's failures.
 */
@CrmIntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    @Autowired
    Clock applicationClock;
    final LoginThrottleTest.TestClock clock = new LoginThrottleTest.TestClock();
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    Api api;
    BrowserContext browser;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // failures of earlier tests from 127.0.0.1 (deactivated users trying) must not count here either
        throttle.forgetAll();
        throttle.useClock(clock);
    }

    @AfterEach
    void forgetTheFailures() {
        // every test of this context signs in from 127.0.0.1: these failures must not hold the others back
        throttle.forgetAll();
        throttle.useClock(applicationClock);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void wrongPasswordsAreAnsweredWith429AndTheRightUserIsInAgainWithinSeconds() throws Exception {
        String user = api.newUser("guessed");
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            assertThat(basic(user, "wrong-guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = basic(user, Api.PASSWORD);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:crm:problem:too-many-attempts");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("try again in 1 second");

        // the probe: 200 wrong passwords in a row; refused ones are answered at once, without bcrypt
        long started = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            assertThat(basic(user, "another-guess-" + i).statusCode()).isEqualTo(429);
        }
        System.out.printf("THROTTLE 200 refused Basic attempts took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        // the right user is in as soon as the second has passed
        clock.advance(Duration.ofSeconds(1));
        assertThat(basic(user, Api.PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theSignInFormSaysHowLongToWait() {
        String user = api.newUser("formguess");
        browser = BrowserSupport.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port));
        Page page = browser.newPage();
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE; i++) {
            signIn(page, user, "wrong-guess-" + i);
            assertThat(page.locator(".alert-danger")).hasText("Wrong username or password, or the account is inactive.");
        }
        signIn(page, user, Api.PASSWORD);
        assertThat(page.locator("#login-throttled")).hasText("Too many failed sign-in attempts: try again in 1 second.");
        assertThat(page.locator("#current-user")).hasCount(0);
        // the next failure doubles the wait; the form says so
        clock.advance(Duration.ofSeconds(1));
        signIn(page, user, "wrong-guess-again");
        signIn(page, user, Api.PASSWORD);
        assertThat(page.locator("#login-throttled")).hasText("Too many failed sign-in attempts: try again in 2 seconds.");

        clock.advance(Duration.ofSeconds(2));
        signIn(page, user, Api.PASSWORD);
        assertThat(page.locator("#current-user")).hasText(user);
    }

    private static void signIn(Page page, String user, String password) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.endsWith("/login"));
    }

    private HttpResponse<String> basic(String user, String password) throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
