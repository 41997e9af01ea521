package dev.crm.web.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.CrmIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * E-mails through the API, on PostgreSQL: a draft written from a deal with one of the deal's files as its attachment,
 * its addresses as lists, exactly one object it is written from; a reply ("Re: " once, same thread, same object, to
 * the original's recipients); a forward ("Fwd: " once, a header above the original's text, no recipients, copies of
 * its attachments, caused by it); a draft's change; and the cascade: deleting the deal takes its e-mails (with their
 * attachments), restoring it brings them back.
 */
@CrmIntegrationTest
class EmailApiIT {

    @LocalServerPort
    int port;

    @Autowired
    DealService deals;

    static long id(Api.Response r) {
        assertThat(r.status()).as(r.text()).isIn(200, 201);
        return r.body().get("id").asLong();
    }

    static List<String> fields(Api.Response r) {
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    @Test
    void aDraftFromADealTakesOneOfItsFilesRepliesStayInTheThreadAndAllGoAndComeBackWithTheDeal() {
        Api api = new Api(port);
        String manager = api.newUser("emmgr", "manager");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Mailed order")).id();
        long other = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Another order")).id();
        long file = id(api.upload(manager, deal, "offer.txt", "text/plain", "offer".getBytes(StandardCharsets.UTF_8)));
        long elsewhere = id(api.upload(manager, other, "other.txt", "text/plain",
                "other".getBytes(StandardCharsets.UTF_8)));

        // refused: no object, two objects, an address that is not one, a field only actions set, another's file
        assertThat(fields(api.as(manager, "POST", "/api/emails", body("subject", "Offer"))))
                .containsExactly("deal");
        assertThat(fields(api.as(manager, "POST", "/api/emails", body("subject", "Offer", "deal", deal,
                "lead", other)))).hasSize(1);
        assertThat(fields(api.as(manager, "POST", "/api/emails", body("subject", "Offer", "deal", deal,
                "to", List.of("ann@acme.test", "ann at acme"))))).containsExactly("to");
        assertThat(fields(api.as(manager, "POST", "/api/emails", body("subject", "Offer", "deal", deal,
                "status", "sent")))).containsExactly("status");
        Api.Response foreign = api.as(manager, "POST", "/api/emails", body("subject", "Offer", "deal", deal,
                "files", List.of(elsewhere)));
        assertThat(foreign.status()).as(foreign.text()).isEqualTo(400);
        assertThat(fields(foreign)).containsExactly("files");
        assertThat(api.as(manager, "GET", "/api/emails?deal=" + deal, null).body().get("total").asLong())
                .as("nothing half-written").isZero();

        Api.Response created = api.as(manager, "POST", "/api/emails", body("subject", "Offer", "body",
                "Dear Ann,\nhere it is.", "to", List.of("ann@acme.test", "ANN@acme.test", "bob@acme.test"),
                "cc", List.of("carl@acme.test"), "deal", deal, "files", List.of(file)));
        long email = id(created);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/emails/" + email);
        JsonNode draft = created.body();
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(draft.get("sent").asBoolean()).isFalse();
        assertThat(draft.get("incoming").asBoolean()).isFalse();
        assertThat(texts(draft.get("to"))).containsExactly("ann@acme.test", "bob@acme.test");
        assertThat(texts(draft.get("cc"))).containsExactly("carl@acme.test");
        assertThat(texts(draft.get("bcc"))).isEmpty();
        assertThat(draft.get("deal").asLong()).isEqualTo(deal);
        assertThat(draft.get("thread").asLong()).isEqualTo(email);
        assertThat(draft.get("owner").asText()).isEqualTo(manager);
        JsonNode attachments = api.as(manager, "GET", "/api/files?attachedTo=" + email, null).body().get("items");
        assertThat(attachments).hasSize(1);
        assertThat(attachments.get(0).get("name").asText()).isEqualTo("offer.txt");
        assertThat(attachments.get(0).get("id").asLong()).as("a file object of its own").isNotEqualTo(file);
        // a draft takes more attachments from its writer
        assertThat(api.upload(manager, email, "terms.txt", "text/plain", "terms".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(201);

        // a reply: "Re: " once, in the thread, from the same deal, to the original's recipients
        Api.Response replied = api.as(manager, "POST", "/api/emails/" + email + "/reply", null);
        long reply = id(replied);
        assertThat(replied.status()).isEqualTo(201);
        assertThat(replied.body().get("subject").asText()).isEqualTo("Re: Offer");
        assertThat(replied.body().get("inReplyTo").asLong()).isEqualTo(email);
        assertThat(replied.body().get("thread").asLong()).isEqualTo(email);
        assertThat(replied.body().get("deal").asLong()).isEqualTo(deal);
        assertThat(texts(replied.body().get("to"))).containsExactly("ann@acme.test", "bob@acme.test");
        Api.Response again = api.as(manager, "POST", "/api/emails/" + reply + "/reply", null);
        assertThat(again.body().get("subject").asText()).isEqualTo("Re: Offer");
        assertThat(again.body().get("thread").asLong()).isEqualTo(email);
        assertThat(again.body().get("inReplyTo").asLong()).isEqualTo(reply);
        long third = id(again);

        // a draft changes; never its deal, nor what actions set
        Api.Response changed = api.as(manager, "PATCH", "/api/emails/" + reply, body("body", "Thanks!",
                "bcc", List.of("boss@crm.test")), Map.of("If-Match", "\"" + replied.body().get("version").asLong() + "\""));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(changed.body().get("body").asText()).isEqualTo("Thanks!");
        assertThat(texts(changed.body().get("bcc"))).containsExactly("boss@crm.test");
        assertThat(api.as(manager, "PATCH", "/api/emails/" + reply, body("deal", other)).status()).isEqualTo(400);
        assertThat(api.as(manager, "PATCH", "/api/emails/" + reply, body("sent", true)).status()).isEqualTo(400);

        // the list: by its deal, status and text
        assertThat(api.as(manager, "GET", "/api/emails?deal=" + deal + "&status=draft", null).body().get("total")
                .asLong()).isEqualTo(3);
        assertThat(api.as(manager, "GET", "/api/emails?deal=" + other, null).body().get("total").asLong()).isZero();
        assertThat(api.as(manager, "GET", "/api/emails?deal=" + deal + "&q=bob@acme", null).body().get("total")
                .asLong()).isEqualTo(3);
        assertThat(api.as(manager, "GET", "/api/emails?deal=" + deal + "&status=sent", null).body().get("total")
                .asLong()).isZero();

        // deleting the deal takes its file, its e-mails and their attachments; restoring it brings them back (their
        // contents are kept by copies on the other deal: content nobody refers to is purged within seconds)
        id(api.upload(manager, other, "offer-copy.txt", "text/plain", "offer".getBytes(StandardCharsets.UTF_8)));
        id(api.upload(manager, other, "terms-copy.txt", "text/plain", "terms".getBytes(StandardCharsets.UTF_8)));
        JsonNode preview = api.as(manager, "GET", "/api/deals/" + deal + "/deletion-preview", null).body();
        assertThat(preview.get("objects")).hasSize(7);
        assertThat(api.as(manager, "DELETE", "/api/deals/" + deal + "?objects=7", null).status()).isEqualTo(204);
        for (long gone : List.of(email, reply, third)) {
            assertThat(api.as(manager, "GET", "/api/emails/" + gone, null).status()).isEqualTo(404);
        }
        assertThat(api.as("admin", "POST", "/api/objects/" + email + "/restore", null).status())
                .as("not before its deal").isEqualTo(409);
        Api.Response restoredDeal = api.as("admin", "POST", "/api/objects/" + deal + "/restore", null);
        assertThat(restoredDeal.status()).as(restoredDeal.text()).isEqualTo(200);
        assertThat(restoredDeal.body().get("missingContent")).isEmpty();
        for (long back : List.of(email, reply, third)) {
            assertThat(api.as(manager, "GET", "/api/emails/" + back, null).status()).isEqualTo(200);
        }
        assertThat(api.as(manager, "GET", "/api/files?attachedTo=" + email, null).body().get("items")).hasSize(2);
    }

    @Test
    void aForwardIsADraftWithFwdSubjectNoRecipientsTheSameObjectAndCopiesOfTheAttachmentsCausedByTheOriginal() {
        Api api = new Api(port);
        String manager = api.newUser("emfwd", "manager");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Forwarded order")).id();
        long offer = id(api.upload(manager, deal, "offer.txt", "text/plain", "offer".getBytes(StandardCharsets.UTF_8)));
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", "Offer", "body", "Dear Ann,\nhere it is.",
                "to", List.of("ann@acme.test", "bob@acme.test"), "deal", deal, "files", List.of(offer))));
        assertThat(api.upload(manager, email, "terms.txt", "text/plain", "terms".getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(201);
        JsonNode originals = api.as(manager, "GET", "/api/files?attachedTo=" + email, null).body().get("items");
        assertThat(originals).hasSize(2);

        Api.Response forwarded = api.as(manager, "POST", "/api/emails/" + email + "/forward", null);
        long forward = id(forwarded);
        assertThat(forwarded.status()).isEqualTo(201);
        assertThat(forwarded.header("Location")).isEqualTo("/api/emails/" + forward);
        JsonNode draft = forwarded.body();
        assertThat(draft.get("subject").asText()).isEqualTo("Fwd: Offer");
        assertThat(draft.get("status").asText()).isEqualTo("draft");
        assertThat(texts(draft.get("to"))).isEmpty();
        assertThat(draft.get("deal").asLong()).isEqualTo(deal);
        assertThat(draft.get("thread").asLong()).as("a conversation of its own").isEqualTo(forward);
        assertThat(draft.get("inReplyTo").isNull()).isTrue();
        assertThat(draft.get("owner").asText()).isEqualTo(manager);
        assertThat(draft.get("body").asText()).contains("---------- Forwarded message ----------")
                .contains("From: " + manager).contains("Subject: Offer").contains("To: ann@acme.test, bob@acme.test")
                .containsPattern("Date: \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")
                .endsWith("\n\nDear Ann,\nhere it is.");

        // the attachments: file objects of its own, with the same contents
        JsonNode copies = api.as(manager, "GET", "/api/files?attachedTo=" + forward, null).body().get("items");
        assertThat(copies).hasSize(2);
        assertThat(copies.findValuesAsText("name")).containsExactlyElementsOf(originals.findValuesAsText("name"));
        assertThat(copies.findValuesAsText("sha256")).containsExactlyElementsOf(originals.findValuesAsText("sha256"));
        assertThat(copies.findValuesAsText("id")).doesNotContainAnyElementsOf(originals.findValuesAsText("id"));
        assertThat(api.as(manager, "GET", "/api/files?attachedTo=" + email, null).body().get("items")).hasSize(2);

        // its history: created because of the original
        JsonNode first = api.as(manager, "GET", "/api/objects/" + forward + "/history", null).body().get("entries")
                .get(0);
        assertThat(first.get("event").asText()).isEqualTo("EmailCreated");
        assertThat(first.get("causedBy").asLong()).isEqualTo(email);

        // "Fwd: " once; the header in the writer's language
        Api.Response again = api.as(manager, "POST", "/api/emails/" + forward + "/forward", null,
                Map.of("Accept-Language", "de"));
        assertThat(again.body().get("subject").asText()).isEqualTo("Fwd: Offer");
        assertThat(again.body().get("body").asText()).contains("---------- Weitergeleitete Nachricht ----------")
                .contains("Betreff: Fwd: Offer").contains("An: \n");

        // who may not see it: 404, as for a missing one; who sees it but writes no e-mails: 403; nothing written
        String stranger = api.newUser("emfwdother", "manager");
        String chief = api.newUser("emfwdchief", "chief");
        assertThat(api.as(stranger, "POST", "/api/emails/" + email + "/forward", null).status()).isEqualTo(404);
        assertThat(api.as(manager, "POST", "/api/emails/" + (email + 1_000_000) + "/forward", null).status())
                .isEqualTo(404);
        Api.Response refused = api.as(chief, "POST", "/api/emails/" + email + "/forward", null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(api.as(manager, "GET", "/api/emails?deal=" + deal, null).body().get("total").asLong())
                .isEqualTo(3);
    }

    @Test
    void onlyTheWriterSeesAManagersEmailAndAnObjectTheWriterCannotSeeIsRefusedAsAMissingOne() {
        Api api = new Api(port);
        String manager = api.newUser("emown", "manager");
        String other = api.newUser("emother", "manager");
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Private order")).id();
        long email = id(api.as(manager, "POST", "/api/emails", body("subject", "Hidden", "deal", deal)));

        assertThat(api.as(other, "GET", "/api/emails/" + email, null).status()).isEqualTo(404);
        assertThat(api.as(other, "POST", "/api/emails/" + email + "/reply", null).status()).isEqualTo(404);
        assertThat(api.as(other, "PATCH", "/api/emails/" + email, body("body", "x")).status()).isEqualTo(404);
        assertThat(api.as(other, "DELETE", "/api/emails/" + email, null).status()).isEqualTo(404);
        assertThat(api.upload(other, email, "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)).status())
                .as("attachTo is a body field: an object the caller cannot see is unknown").isEqualTo(400);
        Api.Response hidden = api.as(other, "POST", "/api/emails", body("subject", "x", "deal", deal));
        Api.Response missing = api.as(other, "POST", "/api/emails", body("subject", "x", "deal", deal + 1_000_000));
        assertThat(hidden.status()).isEqualTo(missing.status()).isEqualTo(400);
        assertThat(fields(hidden)).containsExactly("deal");
        assertThat(api.as(manager, "DELETE", "/api/emails/" + email, null).status()).isEqualTo(204);
        assertThat(api.as(manager, "GET", "/api/emails/" + email, null).status()).isEqualTo(404);
    }
}
