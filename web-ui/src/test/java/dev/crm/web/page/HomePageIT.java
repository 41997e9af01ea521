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
import com.microsoft.playwright.options.AriaRole;
import dev.crm.shared.access.AnalyticsAccess;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
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
 * The home page (issue 16, point 2), in Chromium at a desk's and a phone's width: every section the user may use,
 * each with the counts that matter to them, each count linking to the list showing exactly those; the objects they
 * opened or changed last, those they may still see. And (issue 15, points 4 and 5): administrators are told which mail accounts stopped sending
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

    @ParameterizedTest
    @CsvSource({"1280, 900", "390, 844"})
    void aManagerSeesTheirCountsEachOpeningItsListAndTheObjectsTheyOpenedOrChangedLast(int width, int height) {
        Api api = new Api(port);
        String manager = api.newUser("homemanager", "manager");
        String colleague = api.newUser("homecolleague", "manager");
        // "today" is the reader's: far east of the server's zone
        String zone = "Pacific/Kiritimati";
        Api.Response zoned = api.as(manager, "PATCH", "/api/me", Map.of("timeZone", zone));
        assertThat(zoned.status()).as(zoned.text()).isEqualTo(200);
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        String mark = Long.toString(System.nanoTime());
        long overdue = task(api, manager, Map.of("title", "Home overdue " + mark, "dueDate",
                today.minusDays(1).toString()));
        long dueToday = task(api, manager, Map.of("title", "Home due today " + mark, "dueDate", today.toString()));
        task(api, manager, Map.of("title", "Home later " + mark, "dueDate", today.plusDays(1).toString()));
        long done = task(api, manager, Map.of("title", "Home done " + mark, "dueDate", today.minusDays(3).toString()));
        assertThat(api.as(manager, "POST", "/api/tasks/" + done + "/complete", null).status()).isBetween(200, 204);
        // a colleague's overdue task the manager is responsible for counts; one they merely subscribe to does not
        long responsible = task(api, colleague, Map.of("title", "Home responsible " + mark, "dueDate",
                today.minusDays(2).toString(), "responsible", List.of(manager)));
        task(api, colleague, Map.of("title", "Home subscribed " + mark, "dueDate", today.minusDays(2).toString(),
                "subscribers", List.of(manager)));
        long review = memo(api, colleague, "Home memo for review " + mark, manager);
        long reviewed = memo(api, colleague, "Home memo reviewed " + mark, manager);
        Api.Response closed = api.as(manager, "POST", "/api/memos/" + reviewed + "/review", Map.of("conclusion", "Fine"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        memo(api, manager, "Home memo sent by me " + mark, colleague);
        Api.Response request = api.as(manager, "POST", "/api/requests", Map.of("subject", "Home pending " + mark,
                "lastName", "Kim"));
        assertThat(request.status()).as(request.text()).isEqualTo(201);
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Home deal " + mark)).id();
        long company = created(api.as(manager, "POST", "/api/companies", Map.of("name", "Home company " + mark)));
        long contact = created(api.as(manager, "POST", "/api/contacts", Map.of("company", company, "lastName",
                "Home contact " + mark)));
        long mine = memo(api, manager, "Home memo of mine " + mark, colleague);

        Page page = browser.signIn(manager, width, height, true);
        page.navigate("/");
        assertThat(page.locator("#home-tasks-overdue .home-count")).hasText("2");
        assertThat(page.locator("#home-tasks-overdue .home-count")).hasClass(Pattern.compile(".*text-bg-danger.*"));
        assertThat(page.locator("#home-tasks-today .home-count")).hasText("1");
        assertThat(page.locator("#home-memos-awaiting-review .home-count")).hasText("1");
        // nothing waits: 0, calmly
        assertThat(page.locator("#home-emails-failed .home-count")).hasText("0");
        assertThat(page.locator("#home-emails-failed .home-count")).not().hasClass(Pattern.compile(".*text-bg-danger.*"));
        assertThat(page.locator("#home-tasks-today .home-count")).not().hasClass(Pattern.compile(".*text-bg-danger.*"));
        // the counts stand in their sections
        assertThat(page.locator("#section-tasks #home-tasks-overdue")).hasCount(1);
        assertThat(page.locator("#section-memos #home-memos-awaiting-review")).hasCount(1);
        assertThat(page.locator("#section-requests #home-requests-pending-count")).hasCount(1);
        String pending = page.locator("#home-requests-pending-count .home-count").textContent().strip();
        assertThat(Long.parseLong(pending)).isGreaterThanOrEqualTo(1);
        fitsTheWindow(page);

        page.locator("#home-tasks-overdue").click();
        assertThat(page).hasURL(Pattern.compile(".*/tasks\\?mine=true&overdue=true$"));
        assertThat(page.locator("tr[data-task-id]")).hasCount(2);
        assertThat(page.locator("tr[data-task-id='" + overdue + "']")).hasCount(1);
        assertThat(page.locator("tr[data-task-id='" + responsible + "']")).hasCount(1);
        page.navigate("/");
        page.locator("#home-tasks-today").click();
        assertThat(page).hasURL(Pattern.compile(".*/tasks\\?mine=true&due=today$"));
        assertThat(page.locator("tr[data-task-id]")).hasCount(1);
        assertThat(page.locator("tr[data-task-id='" + dueToday + "']")).hasCount(1);
        assertThat(page.locator("#task-due-today")).isChecked();
        page.navigate("/");
        page.locator("#home-memos-awaiting-review").click();
        assertThat(page).hasURL(Pattern.compile(".*/memos\\?review=true$"));
        assertThat(page.locator("tr[data-memo-id]")).hasCount(1);
        assertThat(page.locator("tr[data-memo-id='" + review + "']")).hasCount(1);
        page.navigate("/");
        page.locator("#home-requests-pending-count").click();
        assertThat(page).hasURL(Pattern.compile(".*/requests\\?pending=true$"));
        assertThat(page.getByText("Home pending " + mark)).isVisible();
        // the list counts them as the home page did (requests.count, requests.paging.status)
        assertThat(page.locator("body")).containsText("1".equals(pending) ? "One request" : pending + " requests");
        page.navigate("/");
        page.locator("#home-emails-failed").click();
        assertThat(page).hasURL(Pattern.compile(".*/emails\\?status=failed$"));

        // recent: open a deal, then a contact, then change a memo
        page.navigate("/deals/" + deal);
        assertThat(page.locator("h1")).containsText("Home deal " + mark);
        page.navigate("/contacts/" + contact);
        assertThat(page.locator("h1")).containsText("Home contact " + mark);
        page.navigate("/memos/" + mine + "/edit");
        page.locator("#title").fill("Home memo changed " + mark);
        button(page, "Save changes").click();
        assertThat(page).hasURL(Pattern.compile(".*/memos/" + mine + "$"));
        page.navigate("/");
        // what the API created or changed is not what the user opened: only the pages count
        Locator recent = page.locator("#home-recent .home-recent-object");
        assertThat(recent).hasCount(3);
        assertThat(recent.nth(0)).hasAttribute("data-id", Long.toString(mine));
        assertThat(recent.nth(0)).containsText("Home memo changed " + mark);
        assertThat(recent.nth(0).locator(".object-id")).hasText(Pattern.compile("ID\\s?" + mine));
        assertThat(recent.nth(1)).hasAttribute("data-id", Long.toString(contact));
        assertThat(recent.nth(2)).hasAttribute("data-id", Long.toString(deal));
        assertThat(recent.nth(2)).containsText("Deal");
        fitsTheWindow(page);
        recent.nth(1).click();
        assertThat(page).hasURL(Pattern.compile(".*/contacts/" + contact + "$"));

        // deleted afterwards: gone from the list
        Api.Response deleted = api.as(manager, "DELETE", "/api/contacts/" + contact, null);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        page.navigate("/");
        assertThat(recent).hasCount(2);
        assertThat(recent.nth(0)).hasAttribute("data-id", Long.toString(mine));
        assertThat(recent.nth(1)).hasAttribute("data-id", Long.toString(deal));
        assertThat(page.locator("#home-recent .home-recent-object[data-id='" + contact + "']")).hasCount(0);
    }

    @Test
    void eachUserSeesTheSectionsTheyMayUseAndNoOthers() {
        Api api = new Api(port);
        for (String role : List.of("operator", "manager", "chief", "accountant", "co_worker")) {
            String user = api.newUser("home" + role.replace("_", ""), role);
            Actor actor = Actor.of(user, Role.fromApiName(role).orElseThrow());
            Page page = browser.signIn(user, 1280, 900, true);
            page.navigate("/");
            List<Kind> usable = Kinds.withPages().stream()
                    .filter(k -> Permissions.allows(actor, k.name(), Permissions.Action.VIEW)).toList();
            assertThat(page.locator(".home-section:not(#section-analytics)")).hasCount(usable.size());
            for (Kind kind : Kinds.withPages()) {
                assertThat(page.locator("#section-" + kind.path()))
                        .hasCount(usable.contains(kind) ? 1 : 0);
            }
            assertThat(page.locator("#section-analytics")).hasCount(AnalyticsAccess.seesAny(actor) ? 1 : 0);
            // an operator may use no payments and no analytics; a co-worker no companies
            if (role.equals("operator")) {
                assertThat(usable).hasSizeLessThan(Kinds.withPages().size());
                assertThat(page.locator("#section-analytics")).hasCount(0);
                assertThat(page.locator("#section-" + Kinds.of("payment").path())).hasCount(0);
                assertThat(page.locator("#section-" + Kinds.of("deal").path())).isVisible();
            }
            Locator first = page.locator(".home-section").first().getByRole(AriaRole.LINK).first();
            assertThat(first).hasAttribute("href", "/" + usable.get(0).path());
            page.context().close();
        }
    }

    private static long created(Api.Response created) {
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static long task(Api api, String user, Map<String, Object> fields) {
        return created(api.as(user, "POST", "/api/tasks", fields));
    }

    private static long memo(Api api, String author, String title, String to) {
        return created(api.as(author, "POST", "/api/memos", Map.of("title", title, "to", to)));
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
