package dev.crm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** One API client as scripts are: its own connection, HTTP Basic on every request, JSON in and out. */
public final class Client {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String PASSWORD = "bench-user-password";

    public record Response(int status, JsonNode body, String text, HttpResponse<String> raw) {
        public String header(String name) {
            return raw == null ? null : raw.headers().firstValue(name).orElse(null);
        }

        public long id() {
            return body.get("id").asLong();
        }
    }

    private final HttpClient http;
    private final String base;
    private final String authorization;
    public final String username;

    public Client(int port, String username, String password) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.base = "http://127.0.0.1:" + port;
        this.username = username;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static Client admin(int port) {
        return new Client(port, "admin", CrmProcess.ADMIN_PASSWORD);
    }

    /** Creates a user (this client must be admin) and returns a client signed in as it. */
    public Client newUser(String username, String... roles) {
        return newUser(username, java.util.List.of(), roles);
    }

    /** Creates a user in these departments (this client must be admin) and returns a client signed in as it. */
    public Client newUser(String username, java.util.List<Long> departments, String... roles) {
        Map<String, Object> user = new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD,
                "displayName", username, "roles", java.util.List.of(roles)));
        if (!departments.isEmpty()) {
            user.put("departments", departments);
        }
        Response r = send("POST", "/api/users", user, Map.of());
        if (r.status() != 201) {
            throw new IllegalStateException("cannot create " + username + ": " + r.status() + " " + r.text());
        }
        return new Client(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), username, PASSWORD);
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
        try {
            String json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            return sendRaw(method, path, json, headers);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the body as it is, for malformed input. */
    public Response sendRaw(String method, String path, String body, Map<String, String> headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends the bytes as they are (broken UTF-8 included); the path must be a valid URI path. */
    public Response sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body), body != null, headers);
    }

    /** Sends the bytes chunked, without announcing their length (Transfer-Encoding: chunked). */
    public Response sendChunked(String method, String path, byte[] body, Map<String, String> headers) {
        return exchange(method, path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)),
                true, headers);
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher publisher, boolean hasBody,
                          Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, publisher)
                .header("Authorization", authorization)
                .header("Accept", "application/json, application/problem+json");
        if (hasBody && !headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
            JsonNode parsed = isJson && !r.body().isBlank() ? JSON.readTree(r.body()) : null;
            return new Response(r.statusCode(), parsed, r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request never got an answer (connection refused or reset): the caller decides what that means. */
    public static final class UncheckedIOException extends RuntimeException {
        UncheckedIOException(IOException cause) {
            super(cause);
        }
    }
}
