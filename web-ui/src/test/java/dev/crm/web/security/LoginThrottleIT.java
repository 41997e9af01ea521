package dev.crm.web.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in throttling as clients meet it (the policy itself, on a moved clock: {@link LoginThrottleTest}).
 * The users here never sign in successfully before they are guessed at: an address a user signed in
 * from is not held back by their account's failures.
 */
@CrmIntegrationTest
class LoginThrottleIT {

    @LocalServerPort
    int port;
    @Autowired
    LoginThrottle throttle;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    Api api;
    BrowserContext browser;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        // failures of earlier tests from 127.0.0.1 (deactivated users trying) must not count here either
        throttle.forgetAll();
    }

    @AfterEach
    void forgetTheFailures() {
        // every test of this context signs in from 127.0.0.1: these failures must not hold the others back
        throttle.forgetAll();
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
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:crm:problem:too-many-attempts");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("try again in " + retryAfter + " second");

        // the probe: 200 wrong passwords in a row; refused ones are answered at once, without bcrypt
        long started = System.nanoTime();
        int checked = 0;
        for (int i = 0; i < 200; i++) {
            int status = basic(user, "another-guess-" + i).statusCode();
            assertThat(status).isIn(401, 429);
            checked += status == 401 ? 1 : 0;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("THROTTLE 200 wrong Basic attempts took %d ms; %d reached the password check%n",
                took.toMillis(), checked);
        assertThat(checked).isLessThan(10);

        // and the right user is in again as soon as the (short) delay is over
        long waitStarted = System.nanoTime();
        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(250))
                .until(() -> basic(user, Api.PASSWORD).statusCode() == 200);
        System.out.printf("THROTTLE the right password was let in again after %d ms%n",
                Duration.ofNanos(System.nanoTime() - waitStarted).toMillis());
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
        assertThat(page.locator("#login-throttled")).hasText(
                Pattern.compile("Too many failed sign-in attempts: try again in \\d+ seconds?\\."));
        assertThat(page.locator("#current-user")).hasCount(0);

        await().atMost(Duration.ofSeconds(70)).pollInterval(Duration.ofMillis(250)).until(() -> {
            signIn(page, user, Api.PASSWORD);
            return page.locator("#current-user").count() > 0;
        });
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
