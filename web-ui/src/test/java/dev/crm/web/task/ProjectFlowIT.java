package dev.crm.web.task;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.link;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Projects in a real browser at phone width (390 px): create a project, add a task to it, upload a file
 * to the task and delete it from the task page, be refused completing the project while its task is open,
 * then delete the project after the confirmation page listing it and its task. No page is wider than the
 * screen.
 */
@CrmIntegrationTest
class ProjectFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");


    @Test
    void aProjectWithATaskAndItsFilesOnAPhone() {
        String user = api.newUser("phone");
        Page page = browser.signIn(user, 390, 844, true);

        page.navigate("/projects");
        fitsTheWindow(page);
        link(page, "New project").click();
        page.getByLabel("Title").fill("Website relaunch");
        button(page, "Create project").click();
        assertThat(page.locator(".alert-success[role=status]")).containsText("was created");
        assertThat(page.locator("#task-title")).hasText("Website relaunch");
        long project = Long.parseLong(page.url().replaceAll(".*/projects/", ""));
        assertThat(page.locator("#subtasks-none")).hasText("No tasks yet.");
        fitsTheWindow(page);

        link(page, "Add task").click();
        assertThat(page.locator("#project-note")).containsText("ID " + project);
        page.getByLabel("Title").fill("New landing page");
        button(page, "Create task").click();
        assertThat(page.locator("#task-project a")).hasText("ID " + project + " · Website relaunch");
        long task = Long.parseLong(page.url().replaceAll(".*/tasks/", ""));
        fitsTheWindow(page);

        // a file on the task page: upload, then delete after its confirmation page
        page.locator("#file-input").setInputFiles(new FilePayload("draft.txt", "text/plain",
                "first draft".getBytes(StandardCharsets.UTF_8)));
        button(page, "Upload").click();
        assertThat(page.locator(".file-row .file-name")).hasText("draft.txt");
        assertThat(api.as(user, "GET", "/api/files?attachedTo=" + task, null).body().get("items")).hasSize(1);
        page.locator(".file-delete").click();
        page.waitForURL("**/tasks/" + task + "/files/*/delete");
        fitsTheWindow(page);
        button(page, "Delete file").click();
        assertThat(page.locator("#files-none")).isVisible();
        assertThat(api.as(user, "GET", "/api/files?attachedTo=" + task, null).body().get("items")).isEmpty();

        // the project waits for its open task
        page.navigate("/projects/" + project);
        assertThat(page.locator(".subtask-row")).hasCount(1);
        button(page, "Complete").click();
        assertThat(page.locator(".alert[role=status]")).containsText("open tasks");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("project-phone.png")).setFullPage(true));

        // deleting the project lists it and its task first, then takes both
        link(page, "Delete").click();
        assertThat(page.locator("#deletion-preview tbody tr")).hasCount(2);
        fitsTheWindow(page);
        button(page, "Delete project").click();
        page.waitForURL("**/projects");
        assertThat(page.locator(".alert-success[role=status]")).containsText("was deleted");
        assertThat(api.as(user, "GET", "/api/tasks/" + task, null).status()).isEqualTo(404);
        assertThat(api.as(user, "GET", "/api/projects/" + project, null).status()).isEqualTo(404);
    }
}
