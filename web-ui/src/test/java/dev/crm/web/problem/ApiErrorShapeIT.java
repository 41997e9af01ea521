package dev.crm.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, one error shape: every error answer under {@code /api} is {@code application/problem+json} with
 * a {@code urn:crm:problem:…} type, also those Spring, Spring Security or Tomcat give before any controller
 * runs (no such endpoint, wrong method, media types, malformed paths, bodies too large or missing). None of
 * them shows a stack trace or an exception's class. Browser pages keep their HTML error pages.
 */
@CrmIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorShapeIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** crm.max-json (256 KB by default); the tests' upload limit is 1 MB (CrmIntegrationTest). */
    static final int JSON_LIMIT = 256 * 1024;
    static final int UPLOAD_LIMIT = 1024 * 1024;

    @LocalServerPort
    int port;

    String user;
    long memo;

    @BeforeAll
    void aUserWithAMemo() {
        Api api = new Api(port);
        user = api.newUser("shape");
        memo = api.as(user, "POST", "/api/memos", Map.of("title", "Shape", "draft", true)).body().get("id").asLong();
    }

    /** One bad request: request line, extra headers, body, and the answer it must get. */
    record Bad(String name, String requestLine, List<String> headers, byte[] body, int status, String type) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad bad(String name, String requestLine, int status, String type, String... headers) {
        return new Bad(name, requestLine, List.of(headers), new byte[0], status, type);
    }

    private static Bad bad(String name, String requestLine, byte[] body, int status, String type, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (all.stream().noneMatch(h -> h.startsWith("Transfer-Encoding:"))) {
            all.add("Content-Length: " + body.length);
        }
        return new Bad(name, requestLine, all, body, status, type);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A memo whose JSON is {@code bytes} long. */
    private static byte[] memoJson(int bytes) {
        String start = "{\"title\":\"Long\",\"draft\":true,\"description\":\"";
        return utf8(start + "d".repeat(bytes - start.length() - 2) + "\"}");
    }

    Stream<Arguments> badRequests() {
        String json = "Content-Type: application/json";
        String boundary = "----shape";
        ByteArrayOutputStream upload = new ByteArrayOutputStream();
        upload.writeBytes(utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachTo\"\r\n\r\n" + memo
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n"));
        upload.writeBytes(new byte[UPLOAD_LIMIT + 1]);
        upload.writeBytes(utf8("\r\n--" + boundary + "--\r\n"));
        return Stream.of(
                bad("no such endpoint", "GET /api/nothing-here", 404, "not-found"),
                bad("no such endpoint below an object", "GET /api/memos/" + memo + "/nothing", 404, "not-found"),
                bad("no such endpoint, a change", "POST /api/nothing-here", utf8("{}"), 404, "not-found", json),
                bad("method not allowed", "PUT /api/search", utf8("{}"), 405, "http-405", json),
                bad("method not allowed on an object", "DELETE /api/objects/" + memo, 405, "http-405"),
                bad("TRACE", "TRACE /api/memos", 405, "http-405"),
                bad("a method nobody knows", "FOO /api/memos", 405, "http-405"),
                bad("JSON to the upload", "POST /api/files", utf8("{\"attachTo\":" + memo + "}"), 415, "http-415", json),
                bad("text to a JSON endpoint", "POST /api/memos", utf8("title=x"), 415, "http-415",
                        "Content-Type: text/plain"),
                bad("no Content-Type", "POST /api/memos", utf8("{\"title\":\"x\",\"draft\":true}"), 415, "http-415"),
                bad("unparsable Content-Type", "POST /api/memos", utf8("{\"title\":\"x\",\"draft\":true}"), 415,
                        "http-415", "Content-Type: not a type"),
                bad("wildcard Content-Type", "POST /api/memos", utf8("{\"title\":\"x\",\"draft\":true}"), 415,
                        "http-415", "Content-Type: */*"),
                bad("an answer only as PNG", "GET /api/memos", 406, "http-406", "Accept: image/png"),
                bad("an object only as PNG", "GET /api/memos/" + memo, 406, "http-406", "Accept: image/png"),
                bad("no such endpoint, only PNG accepted", "GET /api/nothing-here", 404, "not-found",
                        "Accept: image/png"),
                bad("empty body", "POST /api/memos", new byte[0], 400, "malformed", json),
                bad("empty body of a change", "PATCH /api/memos/" + memo, new byte[0], 400, "malformed", json),
                bad("an ID that is no number", "GET /api/memos/abc", 400, "validation"),
                bad("an undecodable %", "GET /api/memos/%ZZ", 400, "malformed"),
                bad("an encoded slash", "GET /api/memos%2F" + memo, 400, "malformed"),
                bad("a path parameter", "GET /api/memos/" + memo + ";x=y", 400, "malformed"),
                bad("dot segments", "GET /api/memos/../me", 400, "malformed"),
                bad("encoded dot segments", "GET /api/memos/%2e%2e/me", 400, "malformed"),
                bad("dot segments above the root", "GET /api/../../etc/passwd", 400, "malformed"),
                bad("a backslash", "GET /api/memos\\" + memo, 400, "malformed"),
                bad("an encoded NUL", "GET /api/memos/%00", 400, "malformed"),
                bad("a header too large", "GET /api/memos", 400, "malformed", "X-Big: " + "x".repeat(10_000)),
                bad("JSON over crm.max-json", "POST /api/memos", memoJson(JSON_LIMIT + 1), 413, "too-large", json),
                bad("JSON over crm.max-json, chunked", "POST /api/memos", RawHttp.chunked(memoJson(JSON_LIMIT + 1)),
                        413, "too-large", json, "Transfer-Encoding: chunked"),
                bad("an upload over crm.max-upload", "POST /api/files", upload.toByteArray(), 413, "too-large",
                        "Content-Type: multipart/form-data; boundary=" + boundary),
                bad("an upload without attachTo", "POST /api/files", utf8("--" + boundary + "\r\nContent-Disposition: "
                        + "form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nA\r\n--"
                        + boundary + "--\r\n"), 400, "validation", "Content-Type: multipart/form-data; boundary=" + boundary),
                bad("an upload without a file", "POST /api/files", utf8("--" + boundary + "\r\nContent-Disposition: "
                        + "form-data; name=\"attachTo\"\r\n\r\n" + memo + "\r\n--" + boundary + "--\r\n"), 400,
                        "validation", "Content-Type: multipart/form-data; boundary=" + boundary),
                bad("a multipart body without parts", "POST /api/files", utf8("not a form"), 400, "validation",
                        "Content-Type: multipart/form-data; boundary=" + boundary))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void everyErrorOfTheApiIsAProblem(Bad bad) throws IOException {
        List<String> head = new ArrayList<>();
        head.add(bad.requestLine() + " HTTP/1.1");
        head.add("Host: 127.0.0.1:" + port);
        head.add("Authorization: " + RawHttp.basic(user, Api.PASSWORD));
        head.addAll(bad.headers());
        if (bad.headers().stream().noneMatch(h -> h.startsWith("Accept:"))) {
            head.add("Accept: application/json");
        }
        RawHttp.Answer answer = RawHttp.send(port, String.join("\r\n", head), bad.body());
        assertProblem(answer, bad.status(), bad.type());
    }

    /**
     * A request line Tomcat cannot read (a character a URL may not hold): it is refused before there is a path to
     * tell the API from the pages, and a browser never sends one; it gets a problem all the same.
     */
    @Test
    void aRequestLineWithAnIllegalCharacterIsAProblemToo() throws IOException {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/memos/{1} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: application/json", new byte[0]);
        assertProblem(answer, 400, "malformed");
    }

    /** What Tomcat refuses while it reads the request's head, before there is a request for the application. */
    @Test
    void headsTomcatRefusesAreProblemsToo() throws IOException {
        String auth = "Authorization: " + RawHttp.basic(user, Api.PASSWORD) + "\r\nAccept: application/json";
        assertProblem(RawHttp.send(port, "GET /api/memos HTTP/1.1\r\n" + auth, new byte[0]), 400, "malformed");
        assertProblem(RawHttp.send(port, "GET /api/memos HTTP/1.1\r\nHost: a\r\nHost: b\r\n" + auth, new byte[0]),
                400, "malformed");
        assertProblem(RawHttp.send(port, "GET /api/memos HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n" + auth,
                new byte[0]), 400, "malformed");
        assertProblem(RawHttp.send(port, "GET /api/memos HTTP/1.2\r\nHost: 127.0.0.1\r\n" + auth, new byte[0]), 505,
                "http-505");
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type) throws IOException {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).as(answer.toString()).isEqualTo("urn:crm:problem:" + type);
        assertThat(problem.path("status").asInt()).as(answer.toString()).isEqualTo(status);
        assertThat(problem.path("title").asText()).as(answer.toString()).isNotBlank();
        assertThat(problem.path("detail").asText()).as(answer.toString()).isNotBlank();
        assertThat(answer.body()).as("no stack trace, no class names")
                .doesNotContainPattern("(?i)exception|\\bat [a-z]+\\.|java\\.|springframework|apache|catalina|\\$");
    }

    // --- browser pages keep their HTML error pages ---

    @Test
    void browserPagesKeepTheirHtmlErrorPages() throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + Api.PASSWORD + "&_csrf="
                        + token.group(1))).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
        for (String page : List.of("/nothing-here", "/memos/abc", "/memos/" + memo + "/nothing")) {
            HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + page))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(page).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(page).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/html"));
            assertThat(r.body()).as(page).contains("id=\"error-reason\"").doesNotContain("urn:crm:problem");
        }
        RawHttp.Answer rejected = RawHttp.send(port, "GET /memos/%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html",
                new byte[0]);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.header("Content-Type")).as(rejected.toString()).doesNotStartWith("application/problem+json");
    }
}
