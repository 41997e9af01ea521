package dev.crm.web.memo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Memos of deals through the API, on PostgreSQL: a memo about a deal is a part of it (domain.md: deleting a deal
 * deletes its memos). The deal's deletion preview names the memos its caller may see and counts the others (another
 * user's draft), its delete takes them in its cascade, each with its own history entry, and an admin's restore of the
 * deal brings them back; a deal the author may not see is refused as a missing one is.
 */
@CrmIntegrationTest
class MemoDealApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    private Api api() {
        return new Api(port);
    }

    static long id(Api.Response r) {
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    long deal(String owner, Object... namesAndValues) {
        Map<String, Object> fields = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return deals.create(Actor.of(owner, Role.MANAGER), fields).id();
    }

    static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(o -> ids.add(o.get("id").asLong()));
        return ids;
    }

    /** The last entry of the object's history, as the user reads it (a draft's history is its author's alone). */
    static JsonNode lastEntry(Api api, String user, long id) {
        Api.Response history = api.as(user, "GET", "/api/objects/" + id + "/history", null);
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        JsonNode entries = history.body().get("entries");
        return entries.get(entries.size() - 1);
    }

    @Test
    void aDealsMemosGoWithItsDeleteEvenADraftItsCallerCannotSeeAndComeBackWithItsRestore() {
        Api api = api();
        String manager = api.newUser("mdown", "manager");
        String coOwner = api.newUser("mdco", "manager");
        long deal = deal(manager, "name", "Memo order", "coOwner", coOwner);
        Api.Response written = api.as(manager, "POST", "/api/memos", Map.of("title", "About the order", "to", coOwner,
                "deal", deal));
        long memo = id(written);
        assertThat(written.status()).isEqualTo(201);
        assertThat(written.body().get("deal").asLong()).isEqualTo(deal);
        // the co-owner's draft about the deal: hers alone to see
        long draft = id(api.as(coOwner, "POST", "/api/memos", Map.of("title", "My notes", "draft", true, "deal", deal)));
        long plain = id(api.as(manager, "POST", "/api/memos", Map.of("title", "Not about a deal", "to", coOwner)));
        assertThat(api.as(manager, "GET", "/api/memos/" + plain, null).body().get("deal").isNull()).isTrue();

        assertThat(ids(api.as(manager, "GET", "/api/memos?deal=" + deal, null).body().get("items")))
                .containsExactly(memo);
        assertThat(ids(api.as(coOwner, "GET", "/api/memos?deal=" + deal, null).body().get("items")))
                .containsExactlyInAnyOrder(memo, draft);
        String csv = api.as(manager, "GET", "/api/memos/export?deal=" + deal, null).text();
        assertThat(csv).contains("About the order").doesNotContain("Not about a deal").doesNotContain("My notes");

        JsonNode preview = api.as(manager, "GET", "/api/deals/" + deal + "/deletion-preview", null).body();
        assertThat(ids(preview.get("objects"))).containsExactly(deal, memo);
        assertThat(preview.get("hidden").asInt()).as("the co-owner's draft, counted, not named").isEqualTo(1);
        assertThat(api.as(manager, "DELETE", "/api/deals/" + deal + "?objects=2", null).status())
                .as("the preview announced three objects").isEqualTo(409);
        assertThat(api.as(coOwner, "GET", "/api/memos/" + draft, null).status()).isEqualTo(200);

        assertThat(api.as(manager, "DELETE", "/api/deals/" + deal + "?objects=3", null).status()).isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/memos/" + memo, null).status()).isEqualTo(404);
        assertThat(api.as(coOwner, "GET", "/api/memos/" + draft, null).status()).isEqualTo(404);
        assertThat(api.as(manager, "GET", "/api/memos/" + plain, null).status()).isEqualTo(200);
        JsonNode deleted = lastEntry(api, "admin", memo);
        assertThat(deleted.get("event").asText()).isEqualTo("MemoDeleted");
        assertThat(deleted.get("deletedWith").asLong()).isEqualTo(deal);
        assertThat(deleted.get("user").asText()).isEqualTo(manager);
        // a part comes back with its deal, not before it
        assertThat(api.as("admin", "POST", "/api/objects/" + memo + "/restore", null).status()).isEqualTo(409);

        Api.Response restored = api.as("admin", "POST", "/api/objects/" + deal + "/restore", null);
        assertThat(restored.status()).as(restored.text()).isEqualTo(200);
        Api.Response back = api.as(manager, "GET", "/api/memos/" + memo, null);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body().get("deal").asLong()).isEqualTo(deal);
        assertThat(api.as(coOwner, "GET", "/api/memos/" + draft, null).status()).isEqualTo(200);
        assertThat(lastEntry(api, manager, memo).get("event").asText()).isEqualTo("MemoRestored");
        assertThat(lastEntry(api, coOwner, draft).get("event").asText()).isEqualTo("MemoRestored");
    }

    @Test
    void aDealItsAuthorMayNotSeeIsRefusedAsAMissingOneIs() {
        Api api = api();
        String manager = api.newUser("mdsee", "manager");
        String other = api.newUser("mdother", "manager");
        long deal = deal(manager, "name", "Someone else's order");

        Api.Response hidden = api.as(other, "POST", "/api/memos", Map.of("title", "t", "to", manager, "deal", deal));
        Api.Response missing = api.as(other, "POST", "/api/memos", Map.of("title", "t", "to", manager,
                "deal", deal + 1_000_000));
        for (Api.Response refused : List.of(hidden, missing)) {
            assertThat(refused.status()).as(refused.text()).isEqualTo(hidden.status()).isIn(400, 422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("deal");
        }
        assertThat(hidden.body().get("errors").get(0).get("message").asText())
                .isEqualTo(missing.body().get("errors").get(0).get("message").asText()
                        .replace(String.valueOf(deal + 1_000_000), String.valueOf(deal)));
        assertThat(api.as(other, "POST", "/api/memos", Map.of("title", "t", "to", manager, "deal", "x")).status())
                .isEqualTo(400);

        long memo = id(api.as(other, "POST", "/api/memos", Map.of("title", "Mine", "to", manager)));
        Api.Response patched = api.as(other, "PATCH", "/api/memos/" + memo, Map.of("deal", deal));
        assertThat(patched.status()).as(patched.text()).isEqualTo(hidden.status());
        assertThat(api.as(other, "GET", "/api/memos/" + memo, null).body().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aMemoPutOnADealAndTakenOffItStaysWhenTheDealGoesAndItsCompanysDeleteTakesTheOthers() {
        Api api = api();
        String manager = api.newUser("mdmove", "manager");
        long company = id(api.as(manager, "POST", "/api/companies", Map.of("name", "Memo Co " + System.nanoTime())));
        long deal = deal(manager, "name", "Company order", "company", company);
        long moved = id(api.as(manager, "POST", "/api/memos", Map.of("title", "Moved", "draft", true)));
        long kept = id(api.as(manager, "POST", "/api/memos", Map.of("title", "Kept", "draft", true, "deal", deal)));

        Api.Response on = api.as(manager, "PATCH", "/api/memos/" + moved, Map.of("deal", deal),
                Map.of("If-Match", "\"1\""));
        assertThat(on.status()).as(on.text()).isEqualTo(200);
        assertThat(on.body().get("deal").asLong()).isEqualTo(deal);
        Map<String, Object> off = new HashMap<>();
        off.put("deal", null);
        Api.Response offDeal = api.as(manager, "PATCH", "/api/memos/" + moved, off);
        assertThat(offDeal.status()).as(offDeal.text()).isEqualTo(200);
        assertThat(offDeal.body().get("deal").isNull()).isTrue();
        JsonNode change = lastEntry(api, manager, moved).get("changes").get(0);
        assertThat(change.get("field").asText()).isEqualTo("deal");

        JsonNode preview = api.as(manager, "GET", "/api/companies/" + company + "/deletion-preview", null).body();
        assertThat(ids(preview.get("objects"))).containsExactly(company, deal, kept);
        assertThat(api.as(manager, "DELETE", "/api/companies/" + company + "?objects=3", null).status())
                .isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/memos/" + kept, null).status()).isEqualTo(404);
        assertThat(api.as(manager, "GET", "/api/memos/" + moved, null).status()).isEqualTo(200);
        assertThat(api.as("admin", "POST", "/api/objects/" + company + "/restore", null).status()).isEqualTo(200);
        assertThat(api.as(manager, "GET", "/api/memos/" + kept, null).status()).isEqualTo(200);
    }

    @Test
    void aDraftSentLaterShowsItsRecipientTheDealItWasSentWith() {
        Api api = api();
        String manager = api.newUser("mdsend", "manager");
        String recipient = api.newUser("mdrcpt");
        long deal = deal(manager, "name", "Sent order");
        long memo = id(api.as(manager, "POST", "/api/memos", Map.of("title", "Draft about it", "to", recipient,
                "draft", true, "deal", deal)));
        assertThat(api.as(manager, "PATCH", "/api/memos/" + memo, Map.of("draft", false)).status()).isEqualTo(200);

        Api.Response history = api.as(recipient, "GET", "/api/objects/" + memo + "/history", null);
        assertThat(history.status()).as(history.text()).isEqualTo(200);
        Map<String, String> sent = new HashMap<>();
        history.body().get("entries").get(0).get("changes")
                .forEach(c -> sent.put(c.get("field").asText(), c.get("to").asText()));
        assertThat(sent).containsEntry("deal", String.valueOf(deal)).containsEntry("title", "Draft about it");
    }
}
