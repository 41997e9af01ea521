package dev.crm.web.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium per JVM: Debian's {@code /usr/bin/chromium} (or {@code CRM_CHROMIUM}), never a
 * downloaded one. Without Chromium the browser tests fail with the command that installs it.
 */
public final class BrowserSupport {

    static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage");

    private static Playwright playwright;
    private static Browser browser;

    private BrowserSupport() {
    }

    public static synchronized Browser browser() {
        if (browser == null) {
            Path exe = Path.of(System.getenv().getOrDefault("CRM_CHROMIUM", "/usr/bin/chromium"));
            if (!Files.isExecutable(exe)) {
                throw new IllegalStateException("No Chromium at " + exe
                        + ": run `apt-get install -y chromium` (as root), or set CRM_CHROMIUM to a Chromium binary");
            }
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(exe).setHeadless(true).setArgs(CHROMIUM_ARGS));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }
}
