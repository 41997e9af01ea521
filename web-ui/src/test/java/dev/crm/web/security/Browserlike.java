package dev.crm.web.security;

import dev.crm.web.testsupport.Api;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP as a browser does it, with the headers the security rules look at set by hand: cookies kept
 * (session, return address), redirects not followed, any header (also a forged Host, over a raw socket).
 */
final class Browserlike {

    static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern HX_TOKEN = Pattern.compile("X-CSRF-TOKEN&quot;: &quot;([^&]+)&quot;");

    final int port;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    Browserlike(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static String basic(String user) {
        String password = "admin".equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in through the sign-in form; returns where it sent the browser. */
    String signIn(String user) {
        HttpResponse<String> page = get("/login", Map.of("Accept", "text/html"));
        Matcher token = FORM_TOKEN.matcher(page.body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page: " + page.body());
        }
        String password = "admin".equals(user) ? Api.ADMIN_PASSWORD : Api.PASSWORD;
        HttpResponse<String> r = send("POST", "/login", "username=" + encode(user) + "&password=" + encode(password)
                + "&_csrf=" + encode(token.group(1)), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        if (r.statusCode() != 302) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
        return r.headers().firstValue("Location").orElseThrow();
    }

    /** The CSRF token the pages give htmx and files.js (layout.html puts it on the body). */
    String pageToken() {
        Matcher m = HX_TOKEN.matcher(get("/memos", Map.of("Accept", "text/html")).body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    String session() {
        return cookie("JSESSIONID");
    }

    String cookie(String name) {
        List<HttpCookie> all = cookies.getCookieStore().getCookies();
        return all.stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    HttpResponse<String> get(String path, Map<String, String> headers) {
        return sendBytes("GET", path, null, headers);
    }

    HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    HttpResponse<String> sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request over a plain socket, for headers HttpClient will not send (a forged Host); the answer's head. */
    static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.ISO_8859_1);
        }
    }

    static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
