package dev.crm.web.imports;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.link;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An import in a real browser, at desk and phone width: a manager uploads a CSV file with a bad row, sees the
 * row's error in the preview (and no import offered), uploads the corrected file from the preview, imports it,
 * watches the progress bar reach done, and finds the companies in the list.
 */
@CrmIntegrationTest
class ImportFlowIT extends BrowserFlowTest {


    @ParameterizedTest
    @ValueSource(ints = {1280, 390})
    void aManagerImportsCompaniesFromACsvFileAfterFixingABadRow(int width) {
        String manager = api.newUser("impflow", "manager");
        String tag = "Imp" + Long.toString(System.nanoTime(), 36);
        String domain = tag.toLowerCase(java.util.Locale.ROOT) + ".test";
        String bad = "Name,E-mail,City\n" + tag + " One,one@" + domain + ",Lyon\n" + tag + " Two,not an address,Paris\n"
                + tag + " Three,three@" + domain + ",Rome\n";
        String good = bad.replace("not an address", "two@" + domain);

        Page page = browser.signIn(manager, width, 900, true);
        page.navigate("/companies");
        assertThat(link(page, "Export CSV")).isVisible();
        link(page, "Import").click();
        page.waitForURL("**/import/companies");
        BrowserSession.fitsTheWindow(page);
        page.locator("#import-file").setInputFiles(new FilePayload("companies.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8)));
        button(page, "Check the file").click();

        assertThat(page.locator("#import-errors")).hasText("1 rows with errors");
        assertThat(page.locator(".import-row[data-row='3'] .import-row-errors")).containsText("E-mail:");
        assertThat(page.locator("#import-refused")).isVisible();
        assertThat(page.locator("#import-start")).hasCount(0);
        BrowserSession.fitsTheWindow(page);

        page.locator("#import-file").setInputFiles(new FilePayload("companies.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8)));
        button(page, "Check the file").click();
        assertThat(page.locator("#import-errors")).hasText("0 rows with errors");
        assertThat(page.locator("#import-ready")).hasText("3 to import");
        BrowserSession.fitsTheWindow(page);
        button(page, "Import 3 rows").click();

        page.waitForURL("**/import/companies/jobs/**");
        assertThat(page.locator("#import-state")).hasText("Done: 3 rows imported.");
        assertThat(page.locator("#import-counter")).hasText("3 of 3 rows");
        assertThat(page.locator("#import-progress")).hasAttribute("aria-valuenow", "3");
        assertThat(page.locator("#import-progress-bar")).hasText("100 %");
        BrowserSession.fitsTheWindow(page);
        link(page, "Go to Companies").click();
        page.waitForURL("**/companies");
        page.navigate("/companies?q=" + tag);
        assertThat(page.locator(".company-row")).hasCount(3);
        assertThat(page.locator("table")).containsText(tag + " Two");
        // the list's Export CSV carries its filter: the three companies, after the header
        com.microsoft.playwright.Download download = page.waitForDownload(() -> link(page, "Export CSV").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).startsWith("companies-").endsWith(".csv");
        try {
            String csv = java.nio.file.Files.readString(download.path(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(csv.lines().toList()).hasSize(4).first().asString()
                    .startsWith("id,kind,version,name");
            org.assertj.core.api.Assertions.assertThat(csv).contains(tag + " One", tag + " Two", tag + " Three");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void aManagerImportsLeadsFromTheLeadListAfterFixingABadRow() {
        String manager = api.newUser("impleads", "manager");
        String tag = "Ld" + Long.toString(System.nanoTime(), 36);
        String domain = tag.toLowerCase(java.util.Locale.ROOT) + ".test";
        String bad = "First name,Last name,E-mail\nAnn," + tag + ",ann@" + domain + "\nBob," + tag + ",not an address\n";
        String good = bad.replace("not an address", "bob@" + domain);

        Page page = browser.signIn(manager, 1280, 900, true);
        page.navigate("/leads");
        link(page, "Import").click();
        page.waitForURL("**/import/leads");
        page.locator("#import-file").setInputFiles(new FilePayload("leads.csv", "text/csv",
                bad.getBytes(StandardCharsets.UTF_8)));
        button(page, "Check the file").click();
        assertThat(page.locator("#import-errors")).hasText("1 rows with errors");
        assertThat(page.locator(".import-row[data-row='3'] .import-row-errors")).containsText("E-mail:");
        assertThat(page.locator("#import-start")).hasCount(0);

        page.locator("#import-file").setInputFiles(new FilePayload("leads.csv", "text/csv",
                good.getBytes(StandardCharsets.UTF_8)));
        button(page, "Check the file").click();
        assertThat(page.locator("#import-ready")).hasText("2 to import");
        button(page, "Import 2 rows").click();
        page.waitForURL("**/import/leads/jobs/**");
        assertThat(page.locator("#import-state")).hasText("Done: 2 rows imported.");
        assertThat(page.locator("#import-progress")).hasAttribute("aria-valuenow", "2");
        link(page, "Go to Leads").click();
        page.waitForURL("**/leads");
        page.navigate("/leads?q=" + tag);
        assertThat(page.locator("table")).containsText("Bob " + tag);
    }
}
