package dev.crm.web.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security finding 2 in process: JSON and form bodies over {@code crm.max-json} (256 KB by default) are
 * answered 413 before they are parsed, a problem naming the limit, also when their length is not announced
 * (chunked); uploads keep their own limit. (Four 47 MB posts against the packaged jar on H2 with a bounded
 * heap: {@code bench/LargeBodyIT}.)
 */
@CrmIntegrationTest
class BodyLimitIT {

    static final int LIMIT = 256 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A memo whose description makes the body {@code bytes} long (too long a description, so never stored). */
    private static byte[] memo(int bytes) {
        String start = "{\"title\":\"Long\",\"draft\":true,\"description\":\"";
        return (start + "d".repeat(bytes - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(String user, String path, HttpRequest.BodyPublisher body, String type) {
        String password = "admin".equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", type).POST(body).build();
        return send(http, request);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void tooLarge(HttpResponse<String> r) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:crm:problem:too-large");
        assertThat(problem.get("detail").asText()).isEqualTo("The request body is larger than the limit of 256 KB.");
    }

    @Test
    void aJsonBodyOverTheLimitIs413WhetherItsLengthIsAnnouncedOrNot() throws IOException {
        Api api = new Api(port);
        String author = api.newUser("author");
        byte[] over = memo(LIMIT + 1);
        tooLarge(post(author, "/api/memos", HttpRequest.BodyPublishers.ofByteArray(over), "application/json"));
        tooLarge(post(author, "/api/memos", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(over)), "application/json"));
        // a charset other than UTF-8 is read by Jackson itself: counted all the same
        tooLarge(post(author, "/api/memos", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(over)), "application/json; charset=ISO-8859-1"));
        // at the limit it is read and judged by the rules (the description is too long)
        HttpResponse<String> atLimit = post(author, "/api/memos", HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(memo(LIMIT))), "application/json");
        assertThat(atLimit.statusCode()).as(atLimit.body()).isEqualTo(400);
        assertThat(atLimit.body()).contains("urn:crm:problem:validation");
        assertThat(api.as(author, "GET", "/api/memos?q=Long", null).body().get("total").asInt()).isZero();
    }

    @Test
    void aFormOverTheLimitIs413AndUploadsKeepTheirOwnLimit() throws IOException {
        Api api = new Api(port);
        String author = api.newUser("author");
        // a page's form, signed in with the session
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://127.0.0.1:" + port;
        String login = send(browser, HttpRequest.newBuilder(URI.create(base + "/login")).build()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        String form = "username=" + author + "&password=" + Api.PASSWORD + "&_csrf=" + token.group(1);
        assertThat(send(browser, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode()).isEqualTo(302);
        byte[] big = ("title=Long&description=" + "d".repeat(LIMIT)).getBytes(StandardCharsets.US_ASCII);
        for (HttpRequest.BodyPublisher body : new HttpRequest.BodyPublisher[] {HttpRequest.BodyPublishers.ofByteArray(big),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))}) {
            HttpResponse<String> r = send(browser, HttpRequest.newBuilder(URI.create(base + "/memos/new"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(body).build());
            assertThat(r.statusCode()).isEqualTo(413);
        }
        // an upload larger than the JSON limit (the tests' upload limit is 1 MB) is taken
        long memo = api.as(author, "POST", "/api/memos", java.util.Map.of("title", "With a file", "draft", true))
                .body().get("id").asLong();
        Api.Response upload = api.upload(author, memo, "big.bin", "application/octet-stream", new byte[LIMIT * 2]);
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
    }
}
