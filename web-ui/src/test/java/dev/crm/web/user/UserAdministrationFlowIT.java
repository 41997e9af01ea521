package dev.crm.web.user;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.BrowserSupport;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * User administration in a real browser: the admin creates a department, then a user with a role and
 * that department (after a form that came back with an error and kept the input); the user signs in;
 * the admin deactivates the user after a confirmation; the user can no longer sign in, and their open
 * session ends; the admin reads the user's history with each action.
 */
@CrmIntegrationTest
class UserAdministrationFlowIT {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @LocalServerPort
    int port;
    BrowserSession browser;

    @BeforeEach
    void setUp() {
        browser = new BrowserSession(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void adminCreatesADepartmentAndAUserThenDeactivatesTheUser() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36);
        String department = "Field sales " + suffix;
        String username = "gina" + suffix;
        Page admin = browser.signIn("admin");

        // a department
        admin.locator("#nav-admin").click();
        admin.locator("#nav-admin-departments").click();
        assertThat(admin.locator("h1")).hasText("Departments");
        admin.getByLabel("Name").fill(department);
        button(admin, "Create department").click();
        assertThat(admin.locator(".alert-success")).containsText("The department " + department);
        assertThat(admin.locator(".department-name", new Page.LocatorOptions().setHasText(department))).hasCount(1);

        // the same name again is refused, and the typed name is kept
        admin.getByLabel("Name").fill(department.toUpperCase());
        button(admin, "Create department").click();
        assertThat(admin.locator("#name-error")).containsText("There is already a department named");
        assertThat(admin.getByLabel("Name")).hasValue(department.toUpperCase());

        // a user: a too short password first, then the form keeps what was typed
        admin.locator("#nav-admin").click();
        admin.locator("#nav-admin-users").click();
        link(admin, "New user").click();
        admin.getByLabel("Username").fill(username);
        admin.getByLabel("Display name").fill("Gina Field");
        admin.getByLabel("Password").fill("short");
        admin.getByLabel("Manager").check();
        admin.getByLabel(department).check();
        button(admin, "Create user").click();
        assertThat(admin.locator("#password-error")).containsText("at least 10 characters");
        assertThat(admin.getByLabel("Username")).hasValue(username);
        assertThat(admin.getByLabel("Display name")).hasValue("Gina Field");
        assertThat(admin.getByLabel("Manager")).isChecked();
        assertThat(admin.getByLabel(department)).isChecked();
        admin.getByLabel("Password").fill(Api.PASSWORD);
        button(admin, "Create user").click();
        assertThat(admin.locator(".alert-success")).containsText("The user " + username + " was created.");
        assertThat(admin.locator("#user-state")).hasText("Active");
        assertThat(admin.locator("#user-departments")).containsText(department);
        assertThat(admin.getByLabel("Manager")).isChecked();

        // the list shows the user with role, department and state
        admin.locator("#nav-admin").click();
        admin.locator("#nav-admin-users").click();
        admin.getByLabel("Name").fill(username);
        button(admin, "Filter").click();
        assertThat(admin.locator(".user-row")).hasCount(1);
        assertThat(admin.locator(".user-row .user-role")).hasText("Manager");
        assertThat(admin.locator(".user-row .user-department")).hasText(department);
        assertThat(admin.locator(".user-row .user-state")).hasText("Active");

        // the user signs in
        Page user = browser.signIn(username);
        assertThat(user.locator("#nav-admin-users")).hasCount(0);
        assertThat(user.navigate("/admin/users").status()).isEqualTo(403);

        // the admin deactivates the user after a confirmation
        admin.locator(".user-row a", new Page.LocatorOptions().setHasText(username)).click();
        admin.locator("#deactivate-link").click();
        assertThat(admin.locator("h1")).hasText("Deactivate " + username);
        button(admin, "Deactivate the user").click();
        assertThat(admin.locator(".alert-success")).containsText("was deactivated");
        assertThat(admin.locator("#user-state")).hasText("Deactivated");
        assertThat(admin.locator("#activate-link")).isVisible();

        // the open session ends, with a message on the sign-in page, and signing in again fails
        user.navigate("/memos");
        assertThat(user.locator("#login-ended")).hasText("Your session has ended because your account is no longer active.");
        assertThat(user.locator("#current-user")).hasCount(0);
        Page again = newWindow();
        again.navigate("/login");
        again.getByLabel("Username").fill(username);
        again.getByLabel("Password").fill(Api.PASSWORD);
        again.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(again.locator(".alert-danger")).containsText("Wrong username or password, or the account is inactive.");
        assertThat(again.locator("#current-user")).hasCount(0);

        // the admin reads the user's history: every action, by admin, with the department by name; and the user's
        // browser's time zone, kept at their first sign-in, by the user (issue 16)
        assertThat(admin.locator("#history .history-event")).hasText(new String[] {"User created",
                "Departments changed", "Time zone changed", "Deactivated"});
        assertThat(admin.locator("#history .history-user")).hasText(new String[] {"admin", "admin", username,
                "admin"});
        assertThat(admin.locator("#history .history-entry").nth(0)).containsText("Gina Field");
        assertThat(admin.locator("#history .history-entry").nth(0)).containsText("manager");
        assertThat(admin.locator("#history .history-entry").nth(1)).containsText(department);
        assertThat(admin.locator("#history .history-entry").nth(2).locator(".history-to")).hasText(
                java.util.regex.Pattern.compile("\\S+")); // the browser's zone (the machine's)
        assertThat(admin.locator("#history .history-entry").nth(3).locator(".history-to")).hasText("No"); // a flag by its label
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("user-administration.png"))
                .setFullPage(true));

        // the help page explains it
        admin.locator("#help-link").click();
        assertThat(admin.locator("h1")).containsText("A user");
    }

    private BrowserContext context;

    private Page newWindow() {
        context = BrowserSupport.browser().newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + port));
        return context.newPage();
    }

    @AfterEach
    void closeWindow() {
        if (context != null) {
            context.close();
        }
    }
}
