package dev.crm.web.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.crm.web.testsupport.BrowserSession.button;
import static dev.crm.web.testsupport.BrowserSession.fitsTheWindow;
import static dev.crm.web.testsupport.BrowserSession.tooltipOf;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.microsoft.playwright.Page;
import dev.crm.app.deal.DealService;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.testsupport.Api;
import dev.crm.web.testsupport.BrowserSession;
import dev.crm.web.testsupport.CrmIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Writing an e-mail in a real browser, at desk and phone width: Write e-mail on a deal's page opens the compose form
 * with the deal given and To prefilled with its contact's address; saving it opens its page (the text escaped, with
 * its line breaks); Reply there opens a draft "Re: …" in the same conversation; the deal's page lists both, and the
 * outbox's Drafts tab shows them. The compose form from a deal, request, contact, company or lead lists that object's
 * files as checkboxes; the checked ones become the e-mail's attachments. Forward on an e-mail's page opens a draft
 * "Fwd: …" with the original's text under a header and its attachment; given a recipient on its edit form and sent, it
 * arrives at the SMTP server (GreenMail) with the attachment.
 */
@CrmIntegrationTest
class EmailFlowIT {

    static final String EMAIL = dev.crm.shared.email.EmailKind.NAME;

    @LocalServerPort
    int port;
    @Autowired
    DealService deals;
    Api api;
    BrowserSession browser;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        browser = new BrowserSession(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "390, 844"})
    void anEmailWrittenFromADealAndItsReply(int width, int height) {
        String manager = api.newUser("emflow", "manager");
        long company = api.as(manager, "POST", "/api/companies", Map.of("name", "Flow Mail Ltd")).body().get("id")
                .asLong();
        long contact = api.as(manager, "POST", "/api/contacts", Map.of("lastName", "Reader", "company", company,
                "email", "reader@flowmail.test")).body().get("id").asLong();
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Mailed deal", "contact", contact))
                .id();

        Page page = browser.signIn(manager, width, height, true);
        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-emails")).containsText("No e-mails written from this deal that you may see.");
        fitsTheWindow(page);
        assertThat(tooltipOf(page, page.locator("#deal-new-email"))).containsText("Write a draft from this deal");
        page.locator("#deal-new-email").click();
        assertThat(page.locator("#deal-fixed")).hasText("Mailed deal");
        assertThat(page.locator("#to")).hasValue("reader@flowmail.test");
        assertThat(page.locator("#request")).hasCount(0);
        fitsTheWindow(page);
        page.locator("#subject").fill("Your <offer>");
        page.locator("#body").fill("Dear Reader,\n<b>here</b> it is.");
        button(page, "Save draft").click();
        page.waitForURL(Pattern.compile(".*/emails/\\d+$"));
        long email = Long.parseLong(page.url().replaceAll(".*/emails/", ""));
        assertThat(page.locator("#email-title")).containsText("Your <offer>");
        assertThat(page.locator("#email-body")).hasText("Dear Reader,\n<b>here</b> it is.");
        assertThat(page.locator("#email-body b")).hasCount(0);
        assertThat(page.locator("#email-to")).hasText("reader@flowmail.test");
        assertThat(page.locator(".email-status").first()).hasText("Draft");
        fitsTheWindow(page);

        // Send, with its tooltip; without a main mail account it stays a draft and the warning names the fix
        assertThat(tooltipOf(page, page.locator("#email-send"))).containsText("main mail account");
        page.locator("#email-send").click();
        assertThat(page.locator(".alert", new Page.LocatorOptions().setHasText("no main mail account"))).hasCount(1);
        assertThat(page.locator(".email-status").first()).hasText("Draft");

        assertThat(tooltipOf(page, page.locator("#email-reply"))).containsText("Write a draft answering this e-mail");
        page.locator("#email-reply").click();
        page.waitForURL(Pattern.compile(".*/emails/(?!" + email + "$)\\d+$"));
        assertThat(page.locator(".alert[role=status]")).containsText("saved as a draft");
        assertThat(page.locator("#email-title")).containsText("Re: Your <offer>");
        assertThat(page.locator("#email-to")).hasText("reader@flowmail.test");
        assertThat(page.locator("#email-inReplyTo")).containsText("ID " + email);
        fitsTheWindow(page);

        page.navigate("/deals/" + deal);
        assertThat(page.locator("#deal-emails .deal-email")).hasCount(2);
        fitsTheWindow(page);
        page.navigate("/emails?deal=" + deal);
        assertThat(page.locator("#email-tab-queued")).hasText("Outbox");
        assertThat(page.locator("#email-tab-sent")).hasText("Sent");
        assertThat(page.locator("#email-tab-failed")).hasText("Failed");
        page.locator("#email-tab-draft").click();
        page.waitForURL(Pattern.compile(".*status=draft.*"));
        assertThat(page.locator(".email-row")).hasCount(2);
        fitsTheWindow(page);
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "390, 844"})
    void theComposeFormListsTheFilesOfTheObjectItIsWrittenFromToAttach(int width, int height) {
        String manager = api.newUser("emfiles", "manager");
        long company = created(api.as(manager, "POST", "/api/companies", Map.of("name", "Filed Mail Ltd")));
        long contact = created(api.as(manager, "POST", "/api/contacts", Map.of("lastName", "Filer", "company",
                company, "email", "filer@filedmail.test")));
        long lead = created(api.as(manager, "POST", "/api/leads", Map.of("lastName", "Leafer", "email",
                "leafer@filedmail.test")));
        long request = created(api.as(manager, "POST", "/api/requests", Map.of("subject", "Filed parts",
                "contact", contact)));
        long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Filed deal", "contact", contact))
                .id();
        long bare = created(api.as(manager, "POST", "/api/companies", Map.of("name", "Bare Mail Ltd")));
        Map<String, Long> objects = new java.util.LinkedHashMap<>();
        objects.put("deals", deal);
        objects.put("requests", request);
        objects.put("contacts", contact);
        objects.put("companies", company);
        objects.put("leads", lead);
        Map<Long, List<Long>> files = new java.util.HashMap<>();
        for (long object : objects.values()) {
            files.put(object, List.of(
                    created(api.upload(manager, object, "offer-" + object + ".txt", "text/plain",
                            ("offer of " + object).getBytes(StandardCharsets.UTF_8))),
                    created(api.upload(manager, object, "terms-" + object + ".txt", "text/plain",
                            ("terms of " + object).getBytes(StandardCharsets.UTF_8)))));
        }

        Page page = browser.signIn(manager, width, height, true);
        for (Map.Entry<String, Long> object : objects.entrySet()) {
            long id = object.getValue();
            page.navigate("/" + object.getKey() + "/" + id);
            page.locator("[id$='-new-" + EMAIL + "']").click();
            assertThat(page.locator("#attach-files")).containsText("Attach files");
            assertThat(page.locator("#attach-files .attach-file")).hasCount(2);
            assertThat(page.locator("#attach-file-" + files.get(id).get(0))).not().isChecked();
            assertThat(page.locator("label[for='attach-file-" + files.get(id).get(0) + "']"))
                    .hasText("offer-" + id + ".txt");
            assertThat(page.locator("label[for='attach-file-" + files.get(id).get(1) + "']"))
                    .hasText("terms-" + id + ".txt");
            fitsTheWindow(page);
        }

        // from the deal: the checked file becomes its attachment, the other does not
        page.navigate("/deals/" + deal);
        page.locator("#deal-new-" + EMAIL).click();
        page.locator("#subject").fill("Your filed offer");
        page.locator("label[for='attach-file-" + files.get(deal).get(0) + "']").click();
        button(page, "Save draft").click();
        page.waitForURL(Pattern.compile(".*/emails/\\d+$"));
        long email = Long.parseLong(page.url().replaceAll(".*/emails/", ""));
        JsonNode attached = api.as(manager, "GET", "/api/files?attachedTo=" + email, null).body().get("items");
        org.assertj.core.api.Assertions.assertThat(attached.findValuesAsText("name")).containsExactly("offer-" + deal + ".txt");
        assertThat(page.getByText("offer-" + deal + ".txt")).isVisible();

        // an object without files says so
        page.navigate("/companies/" + bare);
        page.locator("[id$='-new-" + EMAIL + "']").click();
        assertThat(page.locator("#attach-files-none")).hasText("The object it is written from has no files.");
        assertThat(page.locator("#attach-files .attach-file")).hasCount(0);
    }

    @ParameterizedTest
    @CsvSource({"1280, 800", "390, 844"})
    void aForwardFromTheEmailPageGetsItsRecipientAndIsSentWithTheAttachment(int width, int height) throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort()).withConfiguration(GreenMailConfiguration
                .aConfig().withUser("crm@example.com", "crm-login", EmailSendingIT.PASSWORD));
        smtp.start();
        try {
            String manager = api.newUser("emfwdflow", "manager");
            EmailSendingIT.account(api, manager, EmailSendingIT.PASSWORD, smtp.getSmtp().getPort());
            long deal = deals.create(Actor.of(manager, Role.MANAGER), Map.of("name", "Forwarded deal")).id();
            byte[] bytes = "the price list".getBytes(StandardCharsets.UTF_8);
            long file = created(api.upload(manager, deal, "prices.txt", "text/plain", bytes));
            String subject = "Prices " + System.nanoTime();
            long original = created(api.as(manager, "POST", "/api/emails", Map.of("subject", subject, "body",
                    "Dear Ann,\nthe prices.", "to", List.of("ann@flowmail.test"), "deal", deal, "files", List.of(file))));

            Page page = browser.signIn(manager, width, height, true);
            page.navigate("/emails/" + original);
            assertThat(tooltipOf(page, page.locator("#email-forward"))).containsText("passing this e-mail on");
            fitsTheWindow(page);
            page.locator("#email-forward").click();
            page.waitForURL(Pattern.compile(".*/emails/(?!" + original + "$)\\d+$"));
            long forward = Long.parseLong(page.url().replaceAll(".*/emails/", ""));
            assertThat(page.locator(".alert[role=status]")).containsText("saved as a draft with the attachments");
            assertThat(page.locator("#email-title")).containsText("Fwd: " + subject);
            assertThat(page.locator("#email-body")).containsText("---------- Forwarded message ----------");
            assertThat(page.locator("#email-body")).containsText("To: ann@flowmail.test");
            assertThat(page.locator("#email-body")).containsText("Dear Ann,\nthe prices.");
            assertThat(page.getByText("prices.txt")).isVisible();
            fitsTheWindow(page);

            page.locator(".action-bar a[href$='/" + forward + "/edit']").click();
            assertThat(page.locator("#to")).hasValue("");
            page.locator("#to").fill("partner@flowmail.test");
            button(page, "Save changes").click();
            page.waitForURL(Pattern.compile(".*/emails/" + forward + "$"));
            assertThat(page.locator("#email-to")).hasText("partner@flowmail.test");
            page.locator("#email-send").click();
            assertThat(page.locator(".alert[role=status]")).containsText("is in the outbox");
            await().atMost(Duration.ofSeconds(60)).until(() -> api.as(manager, "GET", "/api/emails/" + forward, null)
                    .body().get("status").asText(), "sent"::equals);
            page.reload();
            assertThat(page.locator(".email-status").first()).hasText("Sent");

            MimeMessage[] received = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return ("Fwd: " + subject).equals(m.getSubject());
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }).toArray(MimeMessage[]::new);
            org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
            org.assertj.core.api.Assertions.assertThat(received[0].getAllRecipients()[0].toString())
                    .isEqualTo("partner@flowmail.test");
            Multipart parts = (Multipart) received[0].getContent();
            org.assertj.core.api.Assertions.assertThat(parts.getCount()).isEqualTo(2);
            org.assertj.core.api.Assertions.assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("prices.txt");
            try (InputStream in = parts.getBodyPart(1).getInputStream()) {
                org.assertj.core.api.Assertions.assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        } finally {
            smtp.stop();
        }
    }

    private static long created(Api.Response response) {
        org.assertj.core.api.Assertions.assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("id").asLong();
    }
}
