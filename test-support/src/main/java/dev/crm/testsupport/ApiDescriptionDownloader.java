package dev.crm.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * Writes the API description of the running service to a file, for the build: starts the packaged CRM
 * ({@code web-ui/target/crm.jar}) as a process on its embedded default (H2 in a fresh data folder, a free
 * port, a generated admin password), waits until it answers, GETs {@code /v3/api-docs} as admin with HTTP
 * Basic, writes it as pretty-printed JSON, and stops the process, also when anything fails.
 *
 * <pre>
 * java -cp test-support.jar dev.crm.testsupport.ApiDescriptionDownloader JAR OUTPUT.json WORK_DIR [TIMEOUT_SECONDS]
 * </pre>
 *
 * <p>The data folder ({@code WORK_DIR/describe-data}) is emptied first and the process's log goes to
 * {@code WORK_DIR/describe.log}. The output file is deleted before anything else, so a failed run never
 * leaves an older description behind. The only change made to the document is its layout (two-space
 * indentation, in the order the service wrote it): the content is what integrators get. The service names no
 * host or port of its own in it (its server is relative), so the file is the same from build to build as long
 * as the service describes itself the same way.
 *
 * <p>Plain Java (java.net.http), no framework: this module is built before everything else.
 */
public final class ApiDescriptionDownloader {

    private static final String PREFIX = "[api-description] ";
    private static final int LOG_TAIL_LINES = 60;

    private ApiDescriptionDownloader() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ApiDescriptionDownloader JAR OUTPUT.json WORK_DIR [TIMEOUT_SECONDS]");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath().normalize();
        Path output = Path.of(args[1]).toAbsolutePath().normalize();
        Path workDir = Path.of(args[2]).toAbsolutePath().normalize();
        Duration timeout = Duration.ofSeconds(args.length == 4 ? Long.parseLong(args[3]) : 90);
        try {
            download(jar, output, workDir, timeout);
        } catch (DownloadFailed e) {
            System.err.println();
            System.err.println(PREFIX + "FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Does the whole job; throws {@link DownloadFailed} with a message that says what went wrong. */
    public static void download(Path jar, Path output, Path workDir, Duration timeout) {
        long begin = System.nanoTime();
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new DownloadFailed("cannot delete the previous " + output + ": " + e.getMessage());
        }
        String password = CrmJarProcess.strongPassword("describe");
        CrmJarProcess crm;
        try {
            // no profile: the embedded default, H2 in the emptied folder WORK_DIR/describe-data
            crm = CrmJarProcess.start(jar, workDir, "describe", password, Map.of());
        } catch (IllegalStateException e) {
            throw new DownloadFailed(e.getMessage());
        }
        String origin = crm.baseUrl();
        say("started " + jar + " on " + origin + " (embedded H2 in " + workDir.resolve("describe-data")
                + ", log " + crm.log() + ")");
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + timeout.toNanos();
            awaitHealthy(http, crm, deadline, timeout);
            say(String.format("up after %.1f s; GET %s/v3/api-docs as admin", seconds(begin), origin));
            String json = fetchDescription(http, crm, password, deadline, timeout);
            String pretty = JsonLayout.pretty(json);
            Files.createDirectories(output.getParent());
            Files.writeString(output, pretty, StandardCharsets.UTF_8);
            say(String.format("wrote %s (%,d bytes)", output, pretty.getBytes(StandardCharsets.UTF_8).length));
        } catch (IOException e) {
            throw new DownloadFailed("cannot write " + output + ": " + e.getMessage());
        } finally {
            crm.close();
            say(String.format("stopped the service; %.1f s in all", seconds(begin)));
        }
    }

    /** Unauthenticated {@code /actuator/health} until it says UP; fails when the process ends or time runs out. */
    private static void awaitHealthy(HttpClient http, CrmJarProcess crm, long deadline, Duration timeout) {
        HttpRequest health = HttpRequest.newBuilder(URI.create(crm.baseUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            checkAlive(crm);
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadFailed("interrupted while waiting for the service");
            }
            checkDeadline(deadline, timeout, "/actuator/health did not answer UP", crm);
            sleep(250);
        }
    }

    /**
     * {@code /v3/api-docs} as admin. The admin is created just after the port opens, so the first tries may
     * answer 401; they are spaced so that the sign-in throttle (5 failures in a row) is not reached, and a
     * 429 waits for its Retry-After.
     */
    private static String fetchDescription(HttpClient http, CrmJarProcess crm, String password, long deadline,
                                           Duration timeout) {
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(crm.baseUrl() + "/v3/api-docs"))
                .header("Authorization", basic).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
        String last = "no answer";
        while (true) {
            checkAlive(crm);
            long pause = 600;
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                String body = r.body();
                if (r.statusCode() == 200) {
                    if (!body.stripLeading().startsWith("{") || !body.contains("\"openapi\"")) {
                        throw new DownloadFailed("/v3/api-docs answered 200 but not an OpenAPI document: "
                                + abbreviate(body));
                    }
                    return body;
                }
                last = r.statusCode() + " " + abbreviate(body);
                if (r.statusCode() == 429) {
                    pause = 1000 * r.headers().firstValueAsLong("Retry-After").orElse(1);
                } else if (r.statusCode() != 401) {
                    throw new DownloadFailed("/v3/api-docs answered " + last + crm.logTail(LOG_TAIL_LINES));
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DownloadFailed("interrupted while fetching the description");
            }
            checkDeadline(deadline, timeout, "/v3/api-docs did not answer 200 as admin (last: " + last + ")", crm);
            sleep(pause);
        }
    }

    private static void checkAlive(CrmJarProcess crm) {
        try {
            crm.checkAlive();
        } catch (IllegalStateException e) {
            throw new DownloadFailed("the service ended before answering: " + e.getMessage());
        }
    }

    private static void checkDeadline(long deadline, Duration timeout, String what, CrmJarProcess crm) {
        if (System.nanoTime() > deadline) {
            throw new DownloadFailed("the service did not come up within " + timeout.toSeconds() + " s: " + what + "."
                    + crm.logTail(LOG_TAIL_LINES));
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadFailed("interrupted");
        }
    }

    private static void say(String line) {
        System.out.println(PREFIX + line);
        System.out.flush();
    }

    /** Why the description could not be written. */
    public static final class DownloadFailed extends RuntimeException {
        DownloadFailed(String message) {
            super(message);
        }
    }

    /**
     * Re-indents a JSON text: two spaces a level, one member or element a line, {@code "name" : value}; keeps
     * the order and every string and number exactly as they were. Empty objects and arrays stay {@code {}} and
     * {@code []}.
     */
    static final class JsonLayout {

        private JsonLayout() {
        }

        static String pretty(String json) {
            StringBuilder out = new StringBuilder(json.length() * 2);
            int depth = 0;
            int n = json.length();
            for (int i = 0; i < n; i++) {
                char c = json.charAt(i);
                switch (c) {
                    case '"' -> {
                        int end = stringEnd(json, i);
                        out.append(json, i, end + 1);
                        i = end;
                    }
                    case '{', '[' -> {
                        int next = nextNonSpace(json, i + 1);
                        char close = c == '{' ? '}' : ']';
                        if (next < n && json.charAt(next) == close) {
                            out.append(c).append(close);
                            i = next;
                        } else {
                            out.append(c);
                            newline(out, ++depth);
                        }
                    }
                    case '}', ']' -> {
                        newline(out, --depth);
                        out.append(c);
                    }
                    case ',' -> {
                        out.append(',');
                        newline(out, depth);
                    }
                    case ':' -> out.append(" : ");
                    case ' ', '\t', '\n', '\r' -> {
                        // layout is ours
                    }
                    default -> out.append(c);
                }
            }
            if (depth != 0) {
                throw new DownloadFailed("the description is not well-formed JSON (unbalanced brackets)");
            }
            return out.append('\n').toString();
        }

        private static int stringEnd(String json, int start) {
            for (int i = start + 1; i < json.length(); i++) {
                char c = json.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i;
                }
            }
            throw new DownloadFailed("the description is not well-formed JSON (unterminated string)");
        }

        private static int nextNonSpace(String json, int from) {
            int i = from;
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            return i;
        }

        private static void newline(StringBuilder out, int depth) {
            out.append('\n');
            out.append("  ".repeat(Math.max(0, depth)));
        }
    }
}
