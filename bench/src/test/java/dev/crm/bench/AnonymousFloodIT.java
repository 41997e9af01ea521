package dev.crm.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Security finding 1, as it was found: the packaged jar on its embedded default (H2), with a bounded heap,
 * flooded by clients that are not signed in, each request with a 6 KB header. Every 401 of the API used to
 * open a 30-minute session holding a copy of the request (10,000 requests made tens of thousands of sessions,
 * the heap ran out, Tomcat's acceptor died and SIGTERM no longer stopped the JVM).
 *
 * <p>Now: the API and the pages open no session for a request that is not signed in; the sign-in page still
 * opens one (for its form's CSRF token), but at most {@code CRM_MAX_SESSIONS}, and a flood of them cannot lock
 * out a real user: sessions that never signed in make room. The process still stops on SIGTERM.
 */
class AnonymousFloodIT {

    static final int REQUESTS = 10_000;
    static final int MAX_SESSIONS = 1_000;
    static final int CLIENTS = 8;
    static final String HEADER = "x".repeat(6 * 1024);
    static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private CrmProcess crm;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void cleanUp() {
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void requestsThatAreNotSignedInLeaveNoSessionsTheSignInPageIsBoundedAndSigtermStopsTheJvm() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "reliability"));
        crm = CrmProcess.embedded(work, "anonymous-flood", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
                Map.of("CRM_MAX_SESSIONS", Integer.toString(MAX_SESSIONS))).start();
        crm.awaitReady(Duration.ofMinutes(2));
        Client admin = Client.admin(crm.port());
        String member = admin.newUser("member", "manager").username;
        double heapAtStart = Gauges.liveHeapMb(crm, admin);

        // 1. the API and the pages, not signed in: scripts and browsers, reads and changes
        long started = System.nanoTime();
        Map<String, Integer> answers = flood(REQUESTS, this::anonymous);
        double anonymousSeconds = (System.nanoTime() - started) / 1e9;
        long sessionsAfterAnonymous = Gauges.activeSessions(admin);
        double heapAfterAnonymous = Gauges.liveHeapMb(crm, admin);
        System.out.printf("SECURITY anonymous flood: %d requests with a 6 KB header in %.1f s, answers %s; "
                        + "sessions %d; live heap %.0f MB (%.0f MB at start)%n", REQUESTS, anonymousSeconds,
                new TreeMap<>(answers), sessionsAfterAnonymous, heapAfterAnonymous, heapAtStart);
        assertThat(answers.keySet()).as("every answer as expected, none opened a session")
                .allMatch(a -> a.endsWith(" ok"));
        assertThat(sessionsAfterAnonymous).isZero();

        // 2. the sign-in page: each view opens a session, at most MAX_SESSIONS at once
        started = System.nanoTime();
        Map<String, Integer> signInPages = flood(2 * MAX_SESSIONS, i -> signInPage());
        double signInSeconds = (System.nanoTime() - started) / 1e9;
        long sessionsAfterSignInPages = Gauges.activeSessions(admin);
        assertThat(signInPages).containsOnlyKeys("200");
        assertThat(sessionsAfterSignInPages).isLessThanOrEqualTo(MAX_SESSIONS);
        double heapFull = Gauges.liveHeapMb(crm, admin);

        // a real user signs in while the bound is reached, and stays signed in through another flood
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).build();
        HttpResponse<String> form = send(browser, get("/login").build());
        Matcher token = TOKEN.matcher(form.body());
        assertThat(token.find()).as("the sign-in form has its CSRF token").isTrue();
        HttpResponse<String> signIn = send(browser, post("/login", "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(member, StandardCharsets.UTF_8) + "&password=" + Client.PASSWORD
                        + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)).build());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValue("/");
        Map<String, Integer> more = flood(MAX_SESSIONS, i -> signInPage());
        assertThat(more).containsOnlyKeys("200");
        HttpResponse<String> me = send(browser, get("/api/me").header("Accept", "application/json").build());
        assertThat(me.statusCode()).as("still signed in: %s", me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"" + member + "\"");
        long sessionsAtEnd = Gauges.activeSessions(admin);
        long created = (long) Gauges.metric(admin, "tomcat.sessions.created");
        assertThat(sessionsAtEnd).isLessThanOrEqualTo(MAX_SESSIONS);

        // the service still accepts connections and answers, and SIGTERM stops it
        assertThat(Client.admin(crm.port()).get("/actuator/health").status()).isEqualTo(200);
        long stopping = System.nanoTime();
        assertThat(crm.terminate(Duration.ofSeconds(30))).as("the JVM ended on SIGTERM").isTrue();
        double stopSeconds = (System.nanoTime() - stopping) / 1e9;
        System.out.printf("SECURITY sign-in page flood: %d views in %.1f s (bound %d): %d sessions, live heap %.0f MB "
                        + "(%.1f KB per sign-in session); a member signed in while it was full and stayed signed in "
                        + "through %d more views; %d sessions created in all, %d open at the end; SIGTERM stopped the "
                        + "JVM in %.1f s%n", 2 * MAX_SESSIONS, signInSeconds, MAX_SESSIONS, sessionsAfterSignInPages,
                heapFull, (heapFull - heapAfterAnonymous) * 1024 / Math.max(1, sessionsAfterSignInPages),
                MAX_SESSIONS, created, sessionsAtEnd, stopSeconds);
    }

    /** One request of a client that is not signed in; the key says what came back and whether it was right. */
    private String anonymous(int i) {
        HttpResponse<String> r;
        String what;
        boolean ok;
        switch (i % 6) {
            case 0 -> { // a script reads: 401, invited to send Basic credentials
                r = send(http, get("/api/me").build());
                what = "GET /api/me (script)";
                ok = r.statusCode() == 401 && problem(r) && r.headers().firstValue("WWW-Authenticate").isPresent();
            }
            case 1 -> { // a browser opens an API address: 401, but no Basic dialog
                r = send(http, get("/api/memos").header("Accept", "text/html,*/*;q=0.8")
                        .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "none").build());
                what = "GET /api/memos (browser)";
                ok = r.statusCode() == 401 && problem(r) && r.headers().firstValue("WWW-Authenticate").isEmpty();
            }
            case 2 -> { // a change without credentials: 401 (was 403 from the CSRF check)
                r = send(http, post("/api/memos", "application/json", "{\"title\":\"x\"}").build());
                what = "POST /api/memos";
                ok = r.statusCode() == 401 && problem(r);
            }
            case 3 -> { // a page: to the sign-in page, by a relative redirect
                r = send(http, get("/memos?stage=pending").header("Accept", "text/html").build());
                what = "GET /memos";
                ok = r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").equals("/login");
            }
            case 4 -> { // a sign-in without the form's token
                r = send(http, post("/login", "application/x-www-form-urlencoded", "username=admin&password=guess")
                        .build());
                what = "POST /login (no token)";
                ok = r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").equals("/login?expired");
            }
            default -> { // a page form sent without a session
                r = send(http, post("/memos/new", "application/x-www-form-urlencoded", "title=x").build());
                what = "POST /memos/new";
                ok = r.statusCode() == 302 && r.headers().firstValue("Location").orElse("").startsWith("/login");
            }
        }
        boolean session = r.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"));
        return what + " " + r.statusCode() + (ok && !session ? " ok" : session ? " opened a session" : " unexpected");
    }

    private String signInPage() {
        return Integer.toString(send(http, get("/login").header("Accept", "text/html").build()).statusCode());
    }

    /** {@code count} requests from {@link #CLIENTS} threads; the answers counted by key. */
    private static Map<String, Integer> flood(int count, IntFunction<String> request) throws InterruptedException {
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    try {
                        answers.merge(request.apply(i), 1, Integer::sum);
                    } catch (RuntimeException e) {
                        failures.add(e);
                        answers.merge("no answer", 1, Integer::sum);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        if (!failures.isEmpty()) {
            failures.peek().printStackTrace();
        }
        return answers;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("X-Padding", HEADER).GET();
    }

    private HttpRequest.Builder post(String path, String type, String body) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).header("X-Padding", HEADER)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + crm.port() + path);
    }

    private static boolean problem(HttpResponse<String> r) {
        return r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Client.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
