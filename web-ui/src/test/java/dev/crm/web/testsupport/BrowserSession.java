package dev.crm.web.testsupport;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ReducedMotion;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    /** A page in a fresh context of its own, not signed in (as a mail client's link opens it). */
    public Page anonymous(int width, int height) {
        BrowserContext context = BrowserSupport.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port).setViewportSize(width, height)
                .setReducedMotion(ReducedMotion.REDUCE).setJavaScriptEnabled(true));
        contexts.add(context);
        Page page = context.newPage();
        page.onResponse(r -> {
            if (r.status() >= 400) {
                System.out.println("BROWSER response " + r.status() + " " + r.url());
            }
        });
        return page;
    }

    public static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    public static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /**
     * The tooltip of {@code element}, shown by hovering it. Waits for what makes it the only one: the mouse
     * moved off every other element and their tooltips gone (a click leaves the pointer over whatever the
     * next page puts there, and that may show a tooltip of its own), and crm.js having given the element
     * its Bootstrap tooltip (which moves {@code title} to {@code data-bs-original-title}).
     */
    public static Locator tooltipOf(Page page, Locator element) {
        page.mouse().move(0, 0);
        assertThat(page.locator(".tooltip")).hasCount(0);
        assertThat(element).hasAttribute("data-bs-original-title", Pattern.compile(".+"));
        element.hover();
        return page.getByRole(AriaRole.TOOLTIP);
    }

    /**
     * Asserts that the page is not wider than the window. Measured once the page has loaded and its fonts
     * are in (a click that navigates returns before that), with the pointer moved off the page so that no
     * tooltip is open: a tooltip is placed after it is shown, and may stick out until then. A failure names
     * the elements that stick out.
     */
    public static void fitsTheWindow(Page page) {
        page.waitForLoadState(LoadState.LOAD);
        page.mouse().move(0, 0);
        assertThat(page.locator(".tooltip")).hasCount(0);
        Object wider = page.evaluate("""
                () => document.fonts.ready.then(() => {
                  if (document.documentElement.scrollWidth <= window.innerWidth) return '';
                  return Array.from(document.querySelectorAll('body *'))
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
                    .slice(0, 5)
                    .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && e.className.baseVal === undefined ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                      + ' (right edge ' + Math.round(e.getBoundingClientRect().right) + ' px)')
                    .join(', ') || 'scrollWidth ' + document.documentElement.scrollWidth;
                })""");
        org.assertj.core.api.Assertions.assertThat(wider)
                .as("page %s is wider than the window (%d px)", page.url(), page.viewportSize().width)
                .isEqualTo("");
    }

    @Override
    public void close() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }
}
