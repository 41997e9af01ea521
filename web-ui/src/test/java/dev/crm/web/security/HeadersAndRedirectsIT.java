package dev.crm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security findings 9 (the header and redirect items): every answer says {@code Referrer-Policy: same-origin}
 * (no URL of the CRM, with its object IDs and search words, goes to another site in a Referer), and no
 * redirect echoes the {@code Host} header a client sent: they are relative.
 */
@CrmIntegrationTest
class HeadersAndRedirectsIT {

    @LocalServerPort
    int port;

    @Test
    void everyAnswerCarriesTheReferrerPolicy() {
        Api api = new Api(port);
        String user = api.newUser("reader");
        Browserlike browser = new Browserlike(port);
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("sign-in page", browser.get("/login", Map.of("Accept", "text/html")));
        answers.put("redirect to sign in", browser.get("/memos", Map.of("Accept", "text/html")));
        answers.put("API 401", browser.get("/api/me", Map.of()));
        answers.put("API 200", browser.get("/api/me", Map.of("Authorization", Browserlike.basic(user))));
        answers.put("health", browser.get("/actuator/health", Map.of()));
        browser.signIn(user);
        answers.put("page", browser.get("/memos", Map.of("Accept", "text/html")));
        answers.put("API with the session", browser.get("/api/memos", Map.of("HX-Request", "true")));
        answers.forEach((what, r) -> assertThat(r.headers().firstValue("Referrer-Policy")).as(what)
                .hasValue("same-origin"));
    }

    @Test
    void redirectsNeverEchoTheHostHeader() throws IOException {
        String toSignIn = Browserlike.raw(port, "GET /memos?stage=pending HTTP/1.1\r\nHost: evil.example\r\n"
                + "Accept: text/html\r\nConnection: close\r\n\r\n");
        assertThat(toSignIn).startsWith("HTTP/1.1 302");
        assertThat(Browserlike.header(toSignIn, "Location")).isEqualTo("/login");

        String noToken = Browserlike.raw(port, "POST /login HTTP/1.1\r\nHost: evil.example:8443\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 26\r\nConnection: close\r\n\r\n"
                + "username=a&password=bbbbbb");
        assertThat(Browserlike.header(noToken, "Location")).isEqualTo("/login?expired");

        // a wrong password, a sign-in and a sign-out, all with the forged host
        Browserlike browser = new Browserlike(port);
        String user = new Api(port).newUser("visitor");
        browser.get("/login", Map.of("Accept", "text/html"));
        String session = browser.session();
        String token = token(browser);
        String wrong = Browserlike.raw(port, form("/login", session, "username=" + user + "&password=wrong-password&_csrf="
                + Browserlike.encode(token)));
        assertThat(Browserlike.header(wrong, "Location")).isEqualTo("/login?error");
        token = token(browser);
        String signedIn = Browserlike.raw(port, form("/login", session, "username=" + user + "&password="
                + Api.PASSWORD + "&_csrf=" + Browserlike.encode(token)));
        assertThat(Browserlike.header(signedIn, "Location")).isEqualTo("/");
        java.util.regex.Matcher cookie = java.util.regex.Pattern.compile("Set-Cookie: JSESSIONID=([^;]+)")
                .matcher(signedIn);
        assertThat(cookie.find()).as("a new session id after signing in").isTrue();
        String newSession = cookie.group(1);
        String page = Browserlike.raw(port, "GET /memos HTTP/1.1\r\nHost: evil.example\r\nCookie: JSESSIONID="
                + newSession + "\r\nConnection: close\r\n\r\n");
        assertThat(page).startsWith("HTTP/1.1 200");
        String signOut = Browserlike.raw(port, form("/logout", newSession, "_csrf=" + Browserlike.encode(
                csrfOf(port, newSession))));
        assertThat(Browserlike.header(signOut, "Location")).isEqualTo("/login?logout");
    }

    private static String token(Browserlike browser) {
        java.util.regex.Matcher m = Browserlike.FORM_TOKEN.matcher(browser.get("/login", Map.of()).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The token a signed-in page hands out, read over a raw socket with the given session. */
    private static String csrfOf(int port, String session) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("GET /memos HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: JSESSIONID=" + session
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String all = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher m = Browserlike.HX_TOKEN.matcher(all);
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    private static String form(String path, String session, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: evil.example\r\nCookie: JSESSIONID=" + session
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
    }
}
