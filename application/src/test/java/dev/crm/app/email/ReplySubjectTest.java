package dev.crm.app.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.shared.kind.Limits;
import org.junit.jupiter.api.Test;

/** A reply's subject: "Re: " once, whatever the answered subject starts with, within a title's length. */
class ReplySubjectTest {

    @Test
    void reIsWrittenOnce() {
        assertThat(EmailService.replySubject("Offer")).isEqualTo("Re: Offer");
        assertThat(EmailService.replySubject("Re: Offer")).isEqualTo("Re: Offer");
        assertThat(EmailService.replySubject("RE:re:  Offer ")).isEqualTo("Re: Offer");
        assertThat(EmailService.replySubject("Reply to Ann")).isEqualTo("Re: Reply to Ann");
    }

    @Test
    void aLongSubjectStaysWithinATitle() {
        assertThat(EmailService.replySubject("x".repeat(Limits.TITLE))).hasSize(Limits.TITLE).startsWith("Re: x");
    }
}
