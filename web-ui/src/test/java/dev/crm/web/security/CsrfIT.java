package dev.crm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security finding 6 over HTTP, with the headers a browser sends: CSRF was skipped for any request with an
 * {@code Authorization} header (even {@code Bearer x}), and a browser that had remembered Basic credentials
 * attached them to another site's form posts and uploads, which were accepted. Now only Basic credentials
 * that decode skip the token, and not when a browser sends them for a page of another origin
 * ({@code Sec-Fetch-Site}, or {@code Origin} for browsers without it); and a browser is never offered the
 * Basic challenge that would make it remember credentials. (The same attack from Chromium itself:
 * {@link CrossSiteBrowserIT}.)
 */
@CrmIntegrationTest
class CsrfIT {

    /** What Chromium sends with a form that a page on another site submits to the CRM. */
    static final Map<String, String> CROSS_SITE_FORM = Map.of("Origin", "http://attacker.example",
            "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document",
            "Referer", "http://attacker.example/", "Content-Type", "application/x-www-form-urlencoded");

    @LocalServerPort
    int port;

    private long pendingMemo(Api api, String author, String recipient) {
        return api.as(author, "POST", "/api/memos", Map.of("title", "Please review", "to", recipient)).body()
                .get("id").asLong();
    }

    private static Map<String, String> with(Map<String, String> headers, String... more) {
        Map<String, String> all = new HashMap<>(headers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    private static String stage(Api api, String user, long memo) {
        return api.as(user, "GET", "/api/memos/" + memo, null).body().get("stage").asText();
    }

    @Test
    void anotherSitesFormCannotUseRememberedBasicCredentials() {
        Api api = new Api(port);
        String author = api.newUser("author");
        String recipient = api.newUser("recipient");
        long memo = pendingMemo(api, author, recipient);
        Browserlike browser = new Browserlike(port);

        HttpResponse<String> crossSite = browser.send("POST", "/api/memos/" + memo + "/postpone", "x=1",
                with(CROSS_SITE_FORM, "Authorization", Browserlike.basic(recipient)));
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("urn:crm:problem:forbidden");
        HttpResponse<String> sameSite = browser.send("POST", "/api/memos/" + memo + "/postpone", "x=1",
                with(CROSS_SITE_FORM, "Sec-Fetch-Site", "same-site", "Authorization", Browserlike.basic(recipient)));
        assertThat(sameSite.statusCode()).as("another origin of the same site").isEqualTo(403);
        Map<String, String> olderBrowser = with(Map.of("Origin", "http://attacker.example",
                "Content-Type", "application/x-www-form-urlencoded"), "Authorization", Browserlike.basic(recipient));
        assertThat(browser.send("POST", "/api/memos/" + memo + "/postpone", "x=1", olderBrowser).statusCode())
                .as("a browser without Sec-Fetch-Site, known by its Origin").isEqualTo(403);
        assertThat(stage(api, author, memo)).isEqualTo("pending");
        assertThat(browser.session()).as("the refusals opened no session").isNull();

        // the same credentials from a script, or from a page of the CRM itself, need no token
        assertThat(browser.send("POST", "/api/memos/" + memo + "/postpone", null,
                Map.of("Authorization", Browserlike.basic(recipient), "Sec-Fetch-Site", "same-origin",
                        "Origin", "http://127.0.0.1:" + port)).statusCode()).isEqualTo(200);
        assertThat(stage(api, author, memo)).isEqualTo("postponed");
    }

    @Test
    void anotherSitesUploadCannotUseRememberedBasicCredentials() {
        Api api = new Api(port);
        String author = api.newUser("author");
        long memo = pendingMemo(api, author, api.newUser("recipient"));
        String boundary = "----WebKitFormBoundaryX3bY9";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachTo\"\r\n\r\n" + memo + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil.html\"\r\n"
                + "Content-Type: text/html\r\n\r\n<h1>planted</h1>\r\n--" + boundary + "--\r\n";
        HttpResponse<String> r = new Browserlike(port).sendBytes("POST", "/api/files",
                body.getBytes(StandardCharsets.UTF_8), with(CROSS_SITE_FORM, "Sec-Fetch-Mode", "no-cors",
                        "Sec-Fetch-Dest", "empty", "Content-Type", "multipart/form-data; boundary=" + boundary,
                        "Authorization", Browserlike.basic(author)));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(api.as(author, "GET", "/api/files?attachedTo=" + memo, null).body().get("items")).isEmpty();
    }

    @Test
    void anAuthorizationHeaderThatIsNotBasicCredentialsDoesNotSkipTheToken() {
        Api api = new Api(port);
        String author = api.newUser("author");
        Browserlike browser = new Browserlike(port);
        browser.signIn(author);
        String body = "{\"title\":\"Riding on the session\",\"draft\":true}";
        for (String authorization : new String[] {"Bearer x", "Basic !!!", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)), "Digest username=\"x\""}) {
            HttpResponse<String> r = browser.send("POST", "/api/memos", body,
                    Map.of("Content-Type", "application/json", "Authorization", authorization));
            assertThat(r.statusCode()).as(authorization).isIn(401, 403);
        }
        assertThat(api.as(author, "GET", "/api/memos?q=Riding", null).body().get("total").asInt()).isZero();
    }

    @Test
    void browsersAreNeverOfferedTheBasicChallengeScriptsAre() {
        Browserlike client = new Browserlike(port);
        Map<String, Map<String, String>> browsers = Map.of(
                "htmx", Map.of("HX-Request", "true"),
                "XHR", Map.of("X-Requested-With", "XMLHttpRequest"),
                "fetch", Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Dest", "empty"),
                "navigation", Map.of("Sec-Fetch-Mode", "navigate", "Accept", "text/html,application/xhtml+xml"),
                "older browser navigation", Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                "session cookie", Map.of("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF"));
        browsers.forEach((what, headers) -> {
            HttpResponse<String> r = client.get("/api/me", headers);
            assertThat(r.statusCode()).as(what).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(what).isEmpty();
        });
        HttpResponse<String> script = client.get("/api/me", Map.of("Accept", "application/json"));
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"crm\"");
    }
}
