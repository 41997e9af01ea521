package dev.crm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.Manager;
import org.apache.catalina.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Security finding 1 in process: a request that is not signed in leaves no session behind (the API keeps no
 * copy of it, pages keep only the return address, in a cookie), and is answered 401, also a change; only the
 * sign-in page opens a session, short-lived until somebody signs in with it. A signed-in browser still uses
 * the API with its session and the CSRF token. (The flood itself, with a bounded heap, is
 * {@code bench/AnonymousFloodIT}.)
 */
@CrmIntegrationTest
class SessionsIT {

    static final String PADDING = "x".repeat(6 * 1024);
    /** Where pages keep the address to return to after signing in ({@code ReturnAfterSignIn}). */
    static final String RETURN_COOKIE = "crm-return-to";

    @LocalServerPort
    int port;

    @Autowired
    ServletWebServerApplicationContext server;

    private Manager sessions() {
        TomcatWebServer tomcat = (TomcatWebServer) server.getWebServer();
        return ((Context) tomcat.getTomcat().getHost().findChildren()[0]).getManager();
    }

    private static boolean opensSession(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void theApiKeepsNothingForRequestsThatAreNotSignedIn() {
        Browserlike anonymous = new Browserlike(port);
        int before = sessions().getActiveSessions();
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("script GET", anonymous.get("/api/me", Map.of("X-Padding", PADDING)));
        answers.put("browser GET", anonymous.get("/api/memos", Map.of("X-Padding", PADDING,
                "Accept", "text/html,*/*;q=0.8", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Site", "none")));
        answers.put("POST", anonymous.send("POST", "/api/memos", "{\"title\":\"x\"}",
                Map.of("Content-Type", "application/json", "X-Padding", PADDING)));
        answers.put("PATCH", anonymous.send("PATCH", "/api/memos/1", "{\"title\":\"x\"}",
                Map.of("Content-Type", "application/json")));
        answers.put("DELETE", anonymous.send("DELETE", "/api/memos/1", null, Map.of()));
        answers.put("unknown session", anonymous.send("POST", "/api/memos", "{\"title\":\"x\"}",
                Map.of("Content-Type", "application/json", "Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF")));
        answers.put("api docs", anonymous.get("/v3/api-docs", Map.of()));
        answers.put("metrics", anonymous.get("/actuator/metrics", Map.of()));
        answers.forEach((what, r) -> {
            assertThat(r.statusCode()).as(what).isEqualTo(401);
            assertThat(r.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).as(what).contains("urn:crm:problem:unauthenticated");
            assertThat(opensSession(r)).as(what + " opens no session").isFalse();
        });
        assertThat(anonymous.session()).isNull();
        assertThat(sessions().getActiveSessions()).isEqualTo(before);
    }

    @Test
    void pagesKeepOnlyTheReturnAddressInACookieUntilTheSignInPage() {
        Api api = new Api(port);
        String user = api.newUser("visitor");
        Browserlike browser = new Browserlike(port);
        HttpResponse<String> page = browser.get("/tasks?mine=true",
                Map.of("Accept", "text/html", "X-Padding", PADDING));
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValue("/login");
        assertThat(opensSession(page)).isFalse();
        assertThat(browser.cookie(RETURN_COOKIE)).isNotNull();
        // an error page shown to a visitor who is not signed in opens none either
        HttpResponse<String> missing = browser.get("/css/missing.css", Map.of("Accept", "text/html"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(opensSession(missing)).isFalse();
        // a form sent without a session: back to the sign-in page, still without a session
        HttpResponse<String> form = browser.send("POST", "/memos/new", "title=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location")).hasValue("/login?expired");
        assertThat(opensSession(form)).isFalse();

        // the sign-in page opens the session (its form needs the token), and signing in returns to the page
        assertThat(browser.signIn(user)).isEqualTo("/tasks?mine=true");
        assertThat(browser.session()).isNotNull();
        HttpResponse<String> back = browser.get("/tasks?mine=true", Map.of("Accept", "text/html"));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(browser.cookie(RETURN_COOKIE)).as("used once").isNull();
    }

    @Test
    void theReturnAddressNeverLeadsToAnotherSite() {
        Api api = new Api(port);
        String user = api.newUser("visitor");
        Browserlike browser = new Browserlike(port);
        // a cookie set by someone else, naming another host: ignored
        String elsewhere = java.util.Base64.getUrlEncoder().encodeToString("//evil.example/x".getBytes());
        browser.cookies.getCookieStore().add(java.net.URI.create("http://127.0.0.1:" + port),
                cookie(RETURN_COOKIE, elsewhere));
        assertThat(browser.signIn(user)).isEqualTo("/");
    }

    private static java.net.HttpCookie cookie(String name, String value) {
        java.net.HttpCookie c = new java.net.HttpCookie(name, value);
        c.setPath("/");
        c.setVersion(0);
        return c;
    }

    @Test
    void aSignInPageSessionIsShortLivedUntilSomebodySignsInWithIt() throws IOException {
        Api api = new Api(port);
        String user = api.newUser("member");
        Browserlike browser = new Browserlike(port);
        browser.get("/login", Map.of("Accept", "text/html"));
        Session signInPage = sessions().findSession(browser.session());
        assertThat(signInPage.getMaxInactiveInterval()).isEqualTo(5 * 60);
        browser.signIn(user);
        Session signedIn = sessions().findSession(browser.session());
        assertThat(signedIn.getMaxInactiveInterval()).isEqualTo(30 * 60);
    }

    @Test
    void aSignedInBrowserUsesTheApiWithItsSessionAndTheCsrfToken() {
        Api api = new Api(port);
        String author = api.newUser("author");
        Browserlike browser = new Browserlike(port);
        browser.signIn(author);
        HttpResponse<String> me = browser.get("/api/me", Map.of("HX-Request", "true"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"" + author + "\"");
        String body = "{\"title\":\"From the page\",\"draft\":true}";
        assertThat(browser.send("POST", "/api/memos", body, Map.of("Content-Type", "application/json"))
                .statusCode()).as("no token").isEqualTo(403);
        assertThat(browser.send("POST", "/api/memos", body, Map.of("Content-Type", "application/json",
                "X-CSRF-TOKEN", browser.pageToken())).statusCode()).isEqualTo(201);
    }

    @Test
    void aSignInFormWhoseSessionEndedSendsBackToTheSignInPage() {
        Browserlike browser = new Browserlike(port);
        HttpResponse<String> r = browser.send("POST", "/login", "username=admin&password=x&_csrf=stale",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", "JSESSIONID=gone"));
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?expired");
        HttpResponse<String> page = browser.get("/login?expired", Map.of("Accept", "text/html"));
        assertThat(page.body()).contains("The sign-in page had expired. Please sign in again.");
    }
}
