package dev.crm.web.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain HTTP client of the API, as scripts use it: HTTP Basic, JSON in and out. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final String PASSWORD = "secret-password-1";
    private static final AtomicInteger USERS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** {@code body} is the parsed JSON (null for other content), {@code text} the raw body. */
    public record Response(int status, JsonNode body, String text, Map<String, List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    /** Creates a user with a unique name from the prefix (letters only) and the given roles. */
    public String newUser(String prefix, String... roles) {
        String username = prefix + USERS.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        Response r = call("admin", ADMIN_PASSWORD, "POST", "/api/users",
                Map.of("username", username, "password", PASSWORD, "displayName", prefix, "roles", List.of(roles)),
                Map.of());
        if (r.status() != 201) {
            throw new IllegalStateException("could not create user " + username + ": " + r.status() + " " + r.body());
        }
        return username;
    }

    public Response as(String user, String method, String path, Object body) {
        return call(user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, method, path, body, Map.of());
    }

    public Response as(String user, String method, String path, Object body, Map<String, String> headers) {
        return call(user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, method, path, body, headers);
    }

    /** Sends a raw body (for malformed JSON). */
    public Response raw(String user, String method, String path, String body) {
        return send(request(user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, method, path,
                HttpRequest.BodyPublishers.ofString(body), Map.of()));
    }

    /** Uploads a file as multipart form data, as a browser or curl -F does. */
    public Response upload(String user, Object attachTo, String filename, String contentType, byte[] content) {
        String boundary = "----crm" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"attachTo\"\r\n\r\n" + attachTo + "\r\n");
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(request(user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, "POST", "/api/files",
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary)));
    }

    /** Sends a file as the multipart part {@code file} to an import ({@code /api/companies/import?dryRun=true}). */
    public Response importFile(String user, String path, String filename, String contentType, byte[] content) {
        String boundary = "----crm" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return send(request(user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, "POST", path,
                HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()),
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary)));
    }

    /** A download: status, raw bytes and headers. */
    public record Download(int status, byte[] bytes, HttpResponse<byte[]> response) {
        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    public Download download(String user, String path) {
        try {
            HttpRequest request = request(user, "admin".equals(user) ? ADMIN_PASSWORD : PASSWORD, "GET", path,
                    HttpRequest.BodyPublishers.noBody(), Map.of());
            HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response anonymous(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private Response call(String user, String password, String method, String path, Object body,
                          Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(request(user, password, method, path, publisher, headers));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest request(String user, String password, String method, String path,
                                HttpRequest.BodyPublisher body, Map<String, String> headers) {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, body)
                .header("Authorization", "Basic " + credentials)
                .header("Accept", "application/json, application/problem+json");
        if (!headers.containsKey("Content-Type")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return b.build();
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            boolean json = r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(false);
            JsonNode body = !json || r.body() == null || r.body().isBlank() ? null : JSON.readTree(r.body());
            return new Response(r.statusCode(), body, r.body(), r.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
