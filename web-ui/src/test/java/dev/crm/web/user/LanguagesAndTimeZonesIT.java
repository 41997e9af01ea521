package dev.crm.web.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 16 on PostgreSQL: each user's language and time zone through the API and the settings page, the browser's
 * zone taken at the first sign-in, moments shown in the reader's zone and language, Accept-Language before sign-in,
 * and a zone or language the CRM does not know refused as a 400 problem (in the reader's language).
 */
@CrmIntegrationTest
class LanguagesAndTimeZonesIT {

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    dev.crm.query.department.DepartmentZones zones;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void languageAndZoneAreSetThroughTheApiAndKeptInTheUsersHistory() {
        String user = api.newUser("zoned");
        JsonNode me = api.as(user, "GET", "/api/me", null).body();
        assertThat(me.get("language").isNull()).isTrue();
        assertThat(me.get("timeZone").isNull()).isTrue();

        Api.Response changed = api.as(user, "PATCH", "/api/me", Map.of("language", "de", "timeZone", "Europe/Berlin"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("language").asText()).isEqualTo("de");
        assertThat(changed.body().get("timeZone").asText()).isEqualTo("Europe/Berlin");
        // only the zone: the language stays, also when sent as null (as generated clients do)
        Map<String, Object> zoneOnly = new java.util.HashMap<>();
        zoneOnly.put("timeZone", "Asia/Tokyo");
        zoneOnly.put("language", null);
        assertThat(api.as(user, "PATCH", "/api/me", zoneOnly).body().get("language").asText()).isEqualTo("de");

        // an administrator changes them too, guarded by If-Match like the other user changes
        Api.Response asAdmin = api.as("admin", "GET", "/api/users/" + user, null);
        assertThat(asAdmin.body().get("timeZone").asText()).isEqualTo("Asia/Tokyo");
        Api.Response stale = api.as("admin", "PUT", "/api/users/" + user + "/settings",
                Map.of("timeZone", "America/New_York"), Map.of("If-Match", "\"1\""));
        assertThat(stale.status()).as(stale.text()).isEqualTo(412);
        Api.Response put = api.as("admin", "PUT", "/api/users/" + user + "/settings",
                Map.of("timeZone", "America/New_York", "language", "en"), Map.of("If-Match", asAdmin.header("ETag")));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(put.body().get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(put.body().get("language").asText()).isEqualTo("en");

        // another user may not change them
        String other = api.newUser("nosy");
        assertThat(api.as(other, "PUT", "/api/users/" + user + "/settings", Map.of("language", "de")).status())
                .isEqualTo(403);

        // "" clears: none chosen
        Api.Response cleared = api.as(user, "PATCH", "/api/me", Map.of("language", "", "timeZone", ""));
        assertThat(cleared.body().get("language").isNull()).isTrue();
        assertThat(cleared.body().get("timeZone").isNull()).isTrue();

        List<String> events = new ArrayList<>();
        api.as("admin", "GET", "/api/users/" + user + "/history", null).body().get("entries")
                .forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).containsExactly("UserCreated", "UserLanguageChanged", "UserTimeZoneChanged",
                "UserTimeZoneChanged", "UserLanguageChanged", "UserTimeZoneChanged", "UserLanguageChanged",
                "UserTimeZoneChanged");
    }

    @Test
    void anUnknownZoneOrLanguageIsA400ProblemInTheReadersLanguage() {
        String user = api.newUser("wrongzone");
        Api.Response wrong = api.as(user, "PATCH", "/api/me", Map.of("timeZone", "Mars/Olympus_Mons"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrong.body().get("title").asText()).isEqualTo("Invalid input");
        assertThat(wrong.body().get("errors").findValuesAsText("field")).containsExactly("timeZone");
        assertThat(wrong.body().get("errors").get(0).get("message").asText()).contains("Mars/Olympus_Mons");
        // an offset is no IANA zone
        assertThat(api.as(user, "PATCH", "/api/me", Map.of("timeZone", "+02:00")).status()).isEqualTo(400);
        Api.Response language = api.as(user, "PATCH", "/api/me", Map.of("language", "fr"));
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.body().get("errors").findValuesAsText("field")).containsExactly("language");
        assertThat(api.as(user, "GET", "/api/me", null).body().get("timeZone").isNull()).isTrue();

        // without a language of their own, the caller's Accept-Language decides; with one, theirs
        Api.Response german = api.as(user, "PATCH", "/api/me", Map.of("timeZone", "Nowhere"),
                Map.of("Accept-Language", "de-DE,de;q=0.9"));
        assertThat(german.body().get("title").asText()).isEqualTo("Ungültige Eingabe");
        assertThat(german.body().get("errors").get(0).get("message").asText())
                .isEqualTo("„Nowhere“ ist keine Zeitzone: Wählen Sie eine IANA-Zeitzone wie Europe/Berlin.");
        api.as(user, "PATCH", "/api/me", Map.of("language", "de"));
        Api.Response own = api.as(user, "PATCH", "/api/me", Map.of("timeZone", "Nowhere"),
                Map.of("Accept-Language", "en"));
        assertThat(own.body().get("title").asText()).isEqualTo("Ungültige Eingabe");
        assertThat(api.as(user, "GET", "/api/objects/999999999", null).body().get("title").asText())
                .isEqualTo("Nicht gefunden");
    }

    @Test
    void aMomentIsShownInTheReadersZoneAndLanguage() throws Exception {
        String berlin = api.newUser("berlin");
        String newYork = api.newUser("newyork");
        api.as(berlin, "PATCH", "/api/me", Map.of("timeZone", "Europe/Berlin"));
        api.as(newYork, "PATCH", "/api/me", Map.of("timeZone", "America/New_York"));
        Api.Response memo = api.as(berlin, "POST", "/api/memos", Map.of("title", "Zones", "to", newYork));
        assertThat(memo.status()).as(memo.text()).isEqualTo(201);
        long id = memo.body().get("id").asLong();
        Instant created = Instant.parse(api.as(berlin, "GET", "/api/objects/" + id + "/history", null).body()
                .get("entries").get(0).get("at").asText());

        Pages forBerlin = Pages.signIn(port, berlin, "");
        String page = forBerlin.get("/objects/" + id + "/history");
        assertThat(page).contains(shown(created, "Europe/Berlin", Locale.ENGLISH))
                .contains("datetime=\"" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneId.of("Europe/Berlin"))
                        .format(created) + "\"")
                .doesNotContain(shown(created, "America/New_York", Locale.ENGLISH));
        Pages forNewYork = Pages.signIn(port, newYork, "");
        assertThat(forNewYork.get("/objects/" + id + "/history"))
                .contains(shown(created, "America/New_York", Locale.ENGLISH))
                .doesNotContain(shown(created, "Europe/Berlin", Locale.ENGLISH));

        // in German, the next page: German text and a German date
        api.as(berlin, "PATCH", "/api/me", Map.of("language", "de"));
        String german = forBerlin.get("/objects/" + id + "/history");
        assertThat(german).contains(shown(created, "Europe/Berlin", Locale.GERMAN)).contains("lang=\"de\"")
                .contains("Historie von ID " + id);
    }

    @Test
    void theSettingsPageChangesLanguageAndZoneForTheNextPage() throws Exception {
        String user = api.newUser("settings");
        Pages pages = Pages.signIn(port, user, "");
        String form = pages.get("/settings");
        assertThat(form).contains("My settings").contains("<option value=\"Europe/Berlin\">");

        HttpResponse<String> saved = pages.post("/settings", Map.of("language", "de", "timeZone", "Asia/Tokyo"));
        assertThat(saved.statusCode()).isEqualTo(302);
        String after = pages.get("/settings");
        assertThat(after).contains("Meine Einstellungen").contains("Ihre Einstellungen sind gespeichert.")
                .contains("<option value=\"Asia/Tokyo\" selected=\"selected\">")
                .contains("<option value=\"de\" selected=\"selected\">");
        JsonNode me = api.as(user, "GET", "/api/me", null).body();
        assertThat(me.get("language").asText()).isEqualTo("de");
        assertThat(me.get("timeZone").asText()).isEqualTo("Asia/Tokyo");

        // a zone the CRM does not know: the form again, saying why under the field, nothing changed
        HttpResponse<String> refused = pages.post("/settings", Map.of("language", "de", "timeZone", "Atlantis/City"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("„Atlantis/City“ ist keine Zeitzone");
        assertThat(api.as(user, "GET", "/api/me", null).body().get("timeZone").asText()).isEqualTo("Asia/Tokyo");

        // back to the browser's language: English for an English browser
        pages.post("/settings", Map.of("language", "", "timeZone", "Asia/Tokyo"));
        assertThat(pages.get("/settings")).contains("My settings").contains("Your settings are saved.");
        assertThat(api.as(user, "GET", "/api/me", null).body().get("language").isNull()).isTrue();
    }

    @Test
    void theBrowsersZoneIsTakenAtTheFirstSignInOnly() throws Exception {
        String user = api.newUser("firstzone");
        Pages.signIn(port, user, "Australia/Sydney");
        assertThat(api.as(user, "GET", "/api/me", null).body().get("timeZone").asText()).isEqualTo("Australia/Sydney");
        Pages.signIn(port, user, "Europe/Paris");
        assertThat(api.as(user, "GET", "/api/me", null).body().get("timeZone").asText()).isEqualTo("Australia/Sydney");
        // a zone that is none is left out, and the sign-in still works
        String other = api.newUser("nozone");
        Pages pages = Pages.signIn(port, other, "Not/AZone");
        assertThat(pages.get("/settings")).contains("My settings");
        assertThat(api.as(other, "GET", "/api/me", null).body().get("timeZone").isNull()).isTrue();
    }

    @Test
    void beforeSignInTheBrowsersLanguageDecides() throws Exception {
        assertThat(Pages.anonymous(port, "/login", "de-DE,de;q=0.9,en;q=0.8")).contains("Am CRM anmelden")
                .contains("lang=\"de\"");
        assertThat(Pages.anonymous(port, "/login", "fr-FR,en;q=0.5")).contains("Sign in to the CRM");
        assertThat(Pages.anonymous(port, "/login", "fr-FR")).contains("Sign in to the CRM");
        assertThat(Pages.anonymous(port, "/login", null)).contains("Sign in to the CRM");
        assertThat(Pages.anonymous(port, "/unsubscribe/no-such-token", "de")).contains("Abmeldelink");
    }

    @Test
    void aDepartmentsZoneIsSetByAnAdminAndAnsweredToTheReports() {
        Api.Response created = api.as("admin", "POST", "/api/admin/departments",
                Map.of("name", "Zoned " + Long.toString(System.nanoTime(), 36)));
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("timeZone").isNull()).isTrue();
        assertThat(zones.zoneOf(id)).isEqualTo(ZoneId.of("UTC")); // crm.time-zone

        Api.Response wrong = api.as("admin", "PATCH", "/api/admin/departments/" + id, Map.of("timeZone", "Nowhere/City"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().get("errors").findValuesAsText("field")).containsExactly("timeZone");
        Api.Response set = api.as("admin", "PATCH", "/api/admin/departments/" + id,
                Map.of("timeZone", "America/New_York"), Map.of("If-Match", created.header("ETag")));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.body().get("timeZone").asText()).isEqualTo("America/New_York");
        assertThat(zones.zoneOf(id)).isEqualTo(ZoneId.of("America/New_York"));
        List<String> events = new ArrayList<>();
        api.as("admin", "GET", "/api/objects/" + id + "/history", null).body().get("entries")
                .forEach(e -> events.add(e.get("event").asText()));
        assertThat(events).containsExactly("DepartmentCreated", "DepartmentTimeZoneChanged");
        String other = api.newUser("notadmin");
        assertThat(api.as(other, "PATCH", "/api/admin/departments/" + id, Map.of("timeZone", "UTC")).status())
                .isEqualTo(403);
    }

    private static String shown(Instant at, String zone, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneId.of(zone)).format(at);
    }

    /** A browser without JavaScript: the sign-in form (with a browser zone), then pages with the session cookie. */
    static final class Pages {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final String base;

        private Pages(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        static Pages signIn(int port, String username, String browserZone) throws IOException, InterruptedException {
            Pages pages = new Pages(port);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("username", username);
            form.put("password", Api.PASSWORD);
            form.put("timeZone", browserZone);
            HttpResponse<String> signedIn = pages.post("/login", form);
            assertThat(signedIn.statusCode()).isEqualTo(302);
            assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return pages;
        }

        static String anonymous(int port, String path, String acceptLanguage) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            if (acceptLanguage != null) {
                request.header("Accept-Language", acceptLanguage);
            }
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        }

        /** A form post with the CSRF token of the page it is sent from (the sign-in page for the first). */
        HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String from = path.equals("/login") ? "/login" : path;
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + from)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token on %s", from).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token.group(1));
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
