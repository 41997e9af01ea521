package dev.crm.web.page;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.crm.app.CommandSender;
import dev.crm.app.deal.DealService;
import dev.crm.app.mail.MailAccounts;
import dev.crm.command.email.EmailCommands.RecordEmailFailed;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The home page (issue 15, points 4 and 5), in Chromium: administrators are told which mail accounts stopped sending
 * (the server refused their login), with the reason (escaped) and a link to fix them, and resume one from its page;
 * every user sees how many of the e-mails they may see are not sent yet and how many failed, each linking to its list.
 */
@CrmIntegrationTest
class HomePageIT {

    @LocalServerPort
    int port;

    @Autowired
    MailAccounts accounts;

    @Autowired
    DealService deals;

    @Autowired
    CommandSender commands;

    BrowserSession browser;

    @BeforeEach
    void setUp() {
        browser = new BrowserSession(port);
    }

    @AfterEach
    void tearDown() {
        browser.close();
    }

    @ParameterizedTest
    // a desk 1440 px wide (the admin's main menu), and a phone
    @CsvSource({"1440, 900", "390, 844"})
    void adminsAreToldOfAStoppedAccountAndResumeItFromItsPage(int width, int height) {
        Api api = new Api(port);
        String owner = api.newUser("stoppedowner", "manager");
        String name = "Stopped " + System.nanoTime();
        long account = account(api, name, owner, 2525);
        String reason = "The mail server refused the account's login: 535 <b>bad</b> credentials";
        accounts.stop(account, reason);

        Page admin = browser.signIn("admin", width, height, true);
        admin.navigate("/");
        Locator notice = admin.locator("#home-stopped-accounts");
        assertThat(notice).containsText("Sending through a mail account is stopped");
        Locator item = notice.locator(".home-stopped-account").filter(new Locator.FilterOptions().setHasText(name));
        // the server's reason is text, never markup
        assertThat(item).containsText(reason);
        assertThat(item.locator("b")).hasCount(0);
        fitsTheWindow(admin);

        // the owner (no admin) sees no notice
        Page manager = browser.signIn(owner, width, height, true);
        manager.navigate("/");
        assertThat(manager.locator("h1")).hasText("Home");
        assertThat(manager.locator("#home-stopped-accounts")).hasCount(0);

        item.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
        assertThat(admin).hasURL(java.util.regex.Pattern.compile(".*/admin/mail-accounts/" + account + "/edit$"));
        assertThat(admin.locator("#mail-account-stopped")).containsText("Sending through this account is stopped");
        assertThat(admin.locator("#mail-account-stopped-reason")).hasText(reason);
        fitsTheWindow(admin);
        button(admin, "Resume sending").click();
        assertThat(admin.locator(".alert-success")).containsText("Sending through mail account " + account
                + " goes on");
        assertThat(admin.locator("#mail-account-stopped")).hasCount(0);
        assertThat(accounts.stopped(account)).isEmpty();
        assertThat(api.as("admin", "GET", "/api/objects/" + account + "/history", null).body().get("entries")
                .findValuesAsText("event")).endsWith("MailAccountStopped", "MailAccountResumed");

        admin.navigate("/");
        assertThat(admin.locator("h1")).hasText("Home");
        assertThat(admin.locator(".home-stopped-account").filter(new Locator.FilterOptions().setHasText(name)))
                .hasCount(0);
    }

    @Test
    void eachUserSeesTheirEmailsNotSentYetAndFailedEachLinkingToItsList() {
        Api api = new Api(port);
        String manager = api.newUser("countsmanager", "manager");
        String other = api.newUser("countsother", "manager");
        String chief = api.newUser("countschief", "chief");
        // their accounts are stopped: e-mails through them wait, queued, without a mail server
        accounts.stop(account(api, "Counts " + System.nanoTime(), manager, 2525), "test: stopped");
        accounts.stop(account(api, "Counts other " + System.nanoTime(), other, 2525), "test: stopped");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Counted order")).id();
        long otherDeal = deals.create(Actor.of(other, Role.MANAGER), Map.of("name", "Other counted order")).id();
        List<Long> mine = List.of(queued(api, manager, deal), queued(api, manager, deal), queued(api, manager, deal));
        queued(api, other, otherDeal);
        email(api, manager, deal); // a draft: not counted
        // one of the manager's fails
        commands.send(new RecordEmailFailed(mine.get(2), 1, "550 no such user"), Actor.of(manager, Role.MANAGER));
        await().atMost(Duration.ofSeconds(30)).until(() -> api.as(manager, "GET", "/api/emails/" + mine.get(2), null)
                .body().get("status").asText(), "failed"::equals);

        Page page = browser.signIn(manager, 1280, 900, true);
        page.navigate("/");
        assertThat(page.locator("#home-emails-queued .home-count")).hasText("2");
        assertThat(page.locator("#home-emails-failed .home-count")).hasText("1");
        assertThat(page.locator("#home-emails-queued")).containsText("Not sent yet");
        fitsTheWindow(page);
        page.locator("#home-emails-failed").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/emails\\?status=failed$"));
        assertThat(page.locator("#email-tab-failed")).hasAttribute("aria-current", "page");
        assertThat(page.getByText("Counted e-mail " + mine.get(2))).isVisible();

        // a chief sees all of them: the counts are those of the lists (the same rule)
        long queuedAll = total(api, chief, "queued");
        long failedAll = total(api, chief, "failed");
        assertThat(queuedAll).isGreaterThanOrEqualTo(3);
        assertThat(failedAll).isGreaterThanOrEqualTo(1);
        Page chiefs = browser.signIn(chief, 390, 844, true);
        chiefs.navigate("/");
        assertThat(chiefs.locator("#home-emails-queued .home-count")).hasText(Long.toString(queuedAll));
        assertThat(chiefs.locator("#home-emails-failed .home-count")).hasText(Long.toString(failedAll));
        fitsTheWindow(chiefs);
        chiefs.locator("#home-emails-queued").click();
        assertThat(chiefs).hasURL(java.util.regex.Pattern.compile(".*/emails\\?status=queued$"));

        // a user who may see no e-mails gets no counts
        String coworker = api.newUser("countsnobody");
        Page nobody = browser.signIn(coworker, 1280, 900, true);
        nobody.navigate("/");
        assertThat(nobody.locator("h1")).hasText("Home");
        assertThat(nobody.locator("#home-emails")).hasCount(0);
    }

    private static long total(Api api, String user, String status) {
        Api.Response list = api.as(user, "GET", "/api/emails?status=" + status, null);
        assertThat(list.body().get("totalExact").asBoolean()).isTrue();
        return list.body().get("total").asLong();
    }

    /** A queued e-mail (its account is stopped: it waits). */
    private static long queued(Api api, String user, long deal) {
        long email = email(api, user, deal);
        Api.Response sent = api.as(user, "POST", "/api/emails/" + email + "/send", null);
        assertThat(sent.status()).as(sent.text()).isEqualTo(202);
        return email;
    }

    private static long email(Api api, String user, long deal) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Counted e-mail");
        body.put("to", List.of("ann@acme.test"));
        body.put("deal", deal);
        Api.Response created = api.as(user, "POST", "/api/emails", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        Api.Response named = api.as(user, "PATCH", "/api/emails/" + id, Map.of("subject", "Counted e-mail " + id));
        assertThat(named.status()).as(named.text()).isEqualTo(200);
        return id;
    }

    /** The owner's main mail account (its server is never reached in these tests). */
    private static long account(Api api, String name, String owner, int smtpPort) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("host", "127.0.0.1");
        body.put("port", smtpPort);
        body.put("security", "none");
        body.put("username", "crm-login");
        body.put("password", "never-used-1");
        body.put("from", "crm@example.com");
        body.put("owner", owner);
        body.put("main", true);
        Api.Response created = api.as("admin", "POST", "/api/admin/mail-accounts", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }
}
