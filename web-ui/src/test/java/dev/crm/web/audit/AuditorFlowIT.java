package dev.crm.web.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.link;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.BrowserFlowTest;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The auditor's round, in a real browser: an administrator finds a deleted deal among the deleted objects, opens its
 * history, moves back through its timeline to see the deal as it was, verifies its hash chain, and downloads the
 * history as JSON Lines and CSV, each entry with its user, event, changes and stored hash.
 */
@CrmIntegrationTest
class AuditorFlowIT extends BrowserFlowTest {

    static final Path SCREENSHOTS = Path.of("target/screenshots");
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    DealService deals;

    static Locator row(Page page, String field) {
        return page.locator("#history-state tr[data-field='" + field + "']");
    }

    /** A deal renamed and moved one stage on, then deleted: four events. */
    long deletedDeal(String manager) {
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Audit order", "amount", 1000,
                "currency", "EUR")).id();
        Assertions.assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("name", "Audit order, final"))
                .status()).isEqualTo(200);
        long offer = 0;
        for (JsonNode stage : api.as("admin", "GET", "/api/admin/stages", null).body().get("items")) {
            if (stage.get("name").asText().equals("Offer")) {
                offer = stage.get("id").asLong();
            }
        }
        Assertions.assertThat(api.as(manager, "PATCH", "/api/deals/" + deal, Map.of("stage", offer)).status())
                .isEqualTo(200);
        var deleted = api.as(manager, "DELETE", "/api/deals/" + deal + "?objects=1", null);
        Assertions.assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
        Assertions.assertThat(api.as(manager, "GET", "/api/objects/" + deal + "/history", null).status())
                .as("a deleted object's history is the administrators'").isEqualTo(404);
        return deal;
    }

    @Test
    void anAdministratorAuditsADeletedDeal() throws Exception {
        String manager = api.newUser("auditmgr", "manager");
        long deal = deletedDeal(manager);

        Page admin = browser.signIn("admin");
        admin.locator("#nav-admin").click();
        admin.locator("#nav-admin-deleted").click();
        Locator deletedRow = admin.locator(".deleted-row[data-object-id='" + deal + "']");
        assertThat(deletedRow).containsText("Audit order, final");
        deletedRow.locator(".deleted-history").click();
        admin.waitForURL("**/objects/" + deal + "/history");
        assertThat(admin.locator(".history-entry")).hasCount(4);

        // back through the timeline: from the delete to the deal as it was made
        admin.locator(".history-entry").nth(3).locator(".history-state-show").click();
        assertThat(admin.locator("#history-state h2")).hasText("As it was after #4");
        link(admin, "Previous").click();
        assertThat(admin.locator("#history-state h2")).hasText("As it was after #3");
        assertThat(row(admin, "stage").locator(".history-state-then")).containsText("Offer");
        link(admin, "Previous").click();
        assertThat(admin.locator("#history-state h2")).hasText("As it was after #2");
        assertThat(row(admin, "name").locator(".history-state-then")).hasText("Audit order, final");
        assertThat(row(admin, "stage").locator(".history-state-then")).not().containsText("Offer");
        assertThat(row(admin, "stage")).hasClass(Pattern.compile(".*history-state-differs.*"));
        link(admin, "Previous").click();
        assertThat(admin.locator("#history-state h2")).hasText("As it was after #1");
        assertThat(row(admin, "name").locator(".history-state-then")).hasText("Audit order");
        assertThat(row(admin, "name").locator(".history-state-now")).hasText("Audit order, final");
        assertThat(row(admin, "name")).hasClass(Pattern.compile(".*history-state-differs.*"));
        assertThat(admin.locator("#history-state .history-state-previous")).hasCount(0);

        // its chain verifies
        admin.locator("#chain-object-verify").click();
        assertThat(admin.locator("#chain-object-result")).containsText("Chain intact: 4 events checked.");
        admin.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("auditor-deleted-deal.png"))
                .setFullPage(true));

        // and its history downloads, each entry with its stored hash
        Download jsonl = admin.waitForDownload(() -> admin.locator("#history-download-jsonl").click());
        List<JsonNode> entries = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl.path(), StandardCharsets.UTF_8)) {
            entries.add(JSON.readTree(line));
        }
        Assertions.assertThat(entries).extracting(e -> e.get("event").asText())
                .containsExactly("DealCreated", "DealChanged", "DealStageChanged", "DealDeleted");
        Assertions.assertThat(entries).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L);
        Assertions.assertThat(entries).allSatisfy(e -> {
            Assertions.assertThat(e.get("id").asLong()).isEqualTo(deal);
            Assertions.assertThat(e.get("user").asText()).isEqualTo(manager);
            Assertions.assertThat(e.get("hash").asText()).matches("[0-9a-f]{64}");
        });
        Assertions.assertThat(entries.get(1).get("changes").toString()).contains("Audit order, final");
        List<String> stored = new ArrayList<>();
        for (JsonNode e : entries) {
            stored.add(e.get("hash").asText());
        }
        Assertions.assertThat(stored).doesNotHaveDuplicates();

        Download csv = admin.waitForDownload(() -> admin.locator("#history-download-csv").click());
        List<String> lines = Files.readAllLines(csv.path(), StandardCharsets.UTF_8);
        Assertions.assertThat(lines.get(0)).contains("hash");
        Assertions.assertThat(String.join("\n", lines)).contains(stored.get(0)).contains(stored.get(3));
    }
}
