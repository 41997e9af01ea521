package dev.crm.web.testsupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser flow against the whole CRM ({@link CrmIntegrationTest} on the subclass): an API client for what the flow
 * needs beforehand (users, objects) and a Chromium session, opened before each test and closed after it.
 */
public abstract class BrowserFlowTest {

    @LocalServerPort
    protected int port;
    protected Api api;
    protected BrowserSession browser;

    @BeforeEach
    protected void openBrowser() {
        api = new Api(port);
        browser = new BrowserSession(port);
    }

    @AfterEach
    protected void closeBrowser() {
        browser.close();
    }
}
