package dev.crm.web.testsupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ReducedMotion;
import java.util.ArrayList;
import java.util.List;

/**
 * Signed-in browser windows for one test: each {@link #signIn} opens its own context (cookies and all),
 * signs in through the form, and echoes browser errors and failed responses to the test log.
 * {@link #close()} closes them all; call it after each test.
 */
public final class BrowserSession implements AutoCloseable {

    private final int port;
    private final List<BrowserContext> contexts = new ArrayList<>();

    public BrowserSession(int port) {
        this.port = port;
    }

    public Page signIn(String username) {
        return signIn(username, 1280, 900, true);
    }

    public Page signIn(String username, int width, int height, boolean javaScript) {
        BrowserContext context = BrowserSupport.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port).setViewportSize(width, height)
                .setReducedMotion(ReducedMotion.REDUCE).setAcceptDownloads(true).setJavaScriptEnabled(javaScript));
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                System.out.println("BROWSER " + m.type() + ": " + m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("BROWSER response " + r.status() + " " + r.url());
            }
        });
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill("admin".equals(username) ? Api.ADMIN_PASSWORD : Api.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.locator("#current-user")).hasText(username);
        return page;
    }

    public static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
