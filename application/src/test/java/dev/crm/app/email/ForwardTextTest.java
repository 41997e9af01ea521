package dev.crm.app.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.fields.FieldsView;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.kind.Limits;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A forward's subject ("Fwd: " once, within a title's length) and text (a header from message keys with the sender,
 * the date the original was sent, else written, as UTC ISO 8601, its subject and recipients; then its text).
 */
class ForwardTextTest {

    /** Each key as "key[args]": shows which key made which line with which arguments. */
    private static String text(String key, Object[] args) {
        return key + Arrays.toString(args);
    }

    private static FieldsView email(Map<String, String> fields, Instant createdAt) {
        return new FieldsView(EmailKind.KIND, 7, 1, fields, "mia", null, false, createdAt, createdAt);
    }

    @Test
    void fwdIsWrittenOnce() {
        assertThat(EmailService.forwardSubject("Offer")).isEqualTo("Fwd: Offer");
        assertThat(EmailService.forwardSubject("Fwd: Offer")).isEqualTo("Fwd: Offer");
        assertThat(EmailService.forwardSubject("FW: fwd:  Offer ")).isEqualTo("Fwd: Offer");
        assertThat(EmailService.forwardSubject("Re: Offer")).isEqualTo("Fwd: Re: Offer");
        assertThat(EmailService.forwardSubject("Fwdx")).isEqualTo("Fwd: Fwdx");
        assertThat(EmailService.forwardSubject(null)).isEqualTo("Fwd: ");
    }

    @Test
    void aLongSubjectStaysWithinATitle() {
        assertThat(EmailService.forwardSubject("x".repeat(Limits.TITLE))).hasSize(Limits.TITLE).startsWith("Fwd: x");
    }

    @Test
    void theHeaderNamesSenderSentDateSubjectAndRecipientsAboveTheText() {
        Map<String, String> fields = new HashMap<>();
        fields.put("subject", "Offer");
        fields.put("body", "Dear Ann,\nhere it is.");
        fields.put("to", "ann@acme.test, bob@acme.test");
        fields.put("sentAt", "2026-03-04T05:06:07.891Z");
        String body = EmailService.forwardBody(email(fields, Instant.parse("2026-01-01T00:00:00Z")), "crm@example.com",
                ForwardTextTest::text);
        assertThat(body).isEqualTo("\n\nemail.forward.header[]\nemail.forward.from[crm@example.com]\n"
                + "email.forward.date[2026-03-04T05:06:07Z]\nemail.forward.subject[Offer]\n"
                + "email.forward.to[ann@acme.test, bob@acme.test]\n\nDear Ann,\nhere it is.");
    }

    @Test
    void aDraftIsDatedWhenItWasWrittenAndMissingPartsAreEmpty() {
        String body = EmailService.forwardBody(email(Map.of("subject", "Draft"), Instant.parse("2026-01-02T03:04:05Z")),
                "mia", ForwardTextTest::text);
        assertThat(body).contains("email.forward.date[2026-01-02T03:04:05Z]").contains("email.forward.to[]")
                .endsWith("email.forward.to[]\n\n");
    }

    @Test
    void aLongTextStaysWithinATextsLength() {
        String body = EmailService.forwardBody(email(Map.of("subject", "Long", "body", "x".repeat(Limits.TEXT)),
                Instant.EPOCH), "mia", ForwardTextTest::text);
        assertThat(body).hasSize(Limits.TEXT).endsWith("x");
    }
}
