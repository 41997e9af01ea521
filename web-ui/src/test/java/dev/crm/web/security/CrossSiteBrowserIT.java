package dev.crm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.sun.net.httpserver.HttpServer;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSupport;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security finding 6 in Chromium: a page of another site ({@code http://localhost:<other port>}, another
 * site than {@code 127.0.0.1}) posts a form to {@code /api/memos/{id}/postpone} and uploads a file with
 * {@code fetch}, in a browser that remembered a chief's Basic credentials for the CRM and sends them
 * with every request to it. Both reach the CRM and are refused; nothing changes. And a browser is never
 * offered the Basic dialog in the first place.
 */
@CrmIntegrationTest
class CrossSiteBrowserIT {

    @LocalServerPort
    int port;

    private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();
    private HttpServer otherSite;

    @AfterEach
    void close() {
        contexts.forEach(BrowserContext::close);
        if (otherSite != null) {
            otherSite.stop(0);
        }
    }

    private String crm() {
        return "http://127.0.0.1:" + port;
    }

    /** A page of another site that, once loaded, uploads a file to the memo and then posts the postpone form. */
    private String attackerPage(long memo) throws IOException {
        String html = """
                <!DOCTYPE html><html><body>
                <form id="f" method="post" action="CRM/api/memos/MEMO/postpone"><input name="x" value="1"></form>
                <script>
                  var data = new FormData();
                  data.append('attachTo', 'MEMO');
                  data.append('file', new Blob(['<h1>planted</h1>'], {type: 'text/html'}), 'planted.html');
                  fetch('CRM/api/files', {method: 'POST', mode: 'no-cors', credentials: 'include', body: data})
                    .finally(function () { document.getElementById('f').submit(); });
                </script>
                </body></html>""".replace("CRM", crm()).replace("MEMO", Long.toString(memo));
        otherSite = HttpServer.create(new InetSocketAddress(0), 0);
        otherSite.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        otherSite.start();
        return "http://localhost:" + otherSite.getAddress().getPort() + "/";
    }

    @Test
    void anotherSitesPageCannotUseBasicCredentialsTheBrowserRemembered() throws IOException {
        Api api = new Api(port);
        String author = api.newUser("author");
        // a chief may postpone any memo and add files to it
        String chief = api.newUser("chief", "chief");
        String recipient = api.newUser("recipient");
        long memo = api.as(author, "POST", "/api/memos", Map.of("title", "Please review", "to", recipient)).body()
                .get("id").asLong();
        // Chromium attaches credentials typed into its Basic dialog to every later request to that server,
        // whichever page makes it; extra headers do the same (the dialog itself cannot be driven headless)
        BrowserContext context = BrowserSupport.browser().newContext(new Browser.NewContextOptions()
                .setExtraHTTPHeaders(Map.of("Authorization", Browserlike.basic(chief))));
        contexts.add(context);
        Page page = context.newPage();
        // the premise: this browser does send the chief's credentials to the CRM
        assertThat(page.navigate(crm() + "/api/me").status()).isEqualTo(200);

        List<String> answered = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().startsWith(crm())) {
                answered.add(r.request().method() + " " + r.url().substring(crm().length()) + " " + r.status());
            }
        });
        page.navigate(attackerPage(memo));
        page.waitForURL(crm() + "/api/memos/" + memo + "/postpone");
        page.waitForLoadState();

        assertThat(answered).contains("POST /api/files 403", "POST /api/memos/" + memo + "/postpone 403");
        assertThat(api.as(author, "GET", "/api/memos/" + memo, null).body().get("stage").asText()).isEqualTo("pending");
        assertThat(api.as(author, "GET", "/api/files?attachedTo=" + memo, null).body().get("items")).isEmpty();
    }

    @Test
    void theBrowserIsNeverOfferedTheBasicDialog() {
        BrowserContext context = BrowserSupport.browser().newContext();
        contexts.add(context);
        Page page = context.newPage();
        Response api = page.navigate(crm() + "/api/memos");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers()).doesNotContainKey("www-authenticate");
        // and the page's own calls after its session ended neither
        Response fetch = page.waitForResponse(r -> r.url().endsWith("/api/me"), () -> page.evaluate(
                "fetch('/api/me', {headers: {'HX-Request': 'true'}})"));
        assertThat(fetch.status()).isEqualTo(401);
        assertThat(fetch.headers()).doesNotContainKey("www-authenticate");
    }
}
