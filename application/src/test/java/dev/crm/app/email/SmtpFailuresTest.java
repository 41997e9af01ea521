package dev.crm.app.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/** For now (try again later) or for good: the mail server's answer decides, and a password never shows. */
class SmtpFailuresTest {

    @Test
    void noConnectionATimeoutAndA4xxAnswerAreForNow() throws Exception {
        assertThat(SmtpFailures.temporary(new MailSendException("x",
                new MessagingException("Could not connect", new ConnectException("Connection refused"))))).isTrue();
        assertThat(SmtpFailures.temporary(new MailSendException("x",
                new MessagingException("read", new SocketTimeoutException("Read timed out"))))).isTrue();
        assertThat(SmtpFailures.temporary(new MailSendException("x", new SMTPSendFailedException("DATA", 451,
                "451 try again later", null, null, null, null)))).isTrue();
        assertThat(SmtpFailures.temporary(new MailSendException("x", new SMTPAddressFailedException(
                new InternetAddress("ann@acme.test"), "RCPT", 452, "452 mailbox full")))).isTrue();
    }

    @Test
    void a5xxAnswerABadAddressAndARefusedLoginAreForGood() throws Exception {
        assertThat(SmtpFailures.temporary(new MailSendException("x", new SMTPAddressFailedException(
                new InternetAddress("nobody@acme.test"), "RCPT", 550, "550 no such user")))).isFalse();
        assertThat(SmtpFailures.temporary(new MailSendException("x", new SMTPSendFailedException("DATA", 554,
                "554 rejected", null, null, null, null)))).isFalse();
        MailAuthenticationException login = new MailAuthenticationException("535 bad credentials for s3cret");
        assertThat(SmtpFailures.temporary(login)).isFalse();
        assertThat(SmtpFailures.reason(login, "s3cret")).startsWith("The mail server refused the account's login")
                .doesNotContain("s3cret");
    }

    @Test
    void aRefusedLoginIsRecognisedHoweverItComes() throws Exception {
        assertThat(SmtpFailures.authentication(new MailAuthenticationException("535 bad credentials"))).isTrue();
        assertThat(SmtpFailures.authentication(new MailSendException("x", new MessagingException("wrapped",
                new jakarta.mail.AuthenticationFailedException("535 5.7.8 Authentication credentials invalid")))))
                .isTrue();
        for (int code : new int[] {530, 534, 535, 538}) {
            MailSendException refused = new MailSendException("x", new SMTPSendFailedException("MAIL", code,
                    code + " 5.7.0 Authentication required", null, null, null, null));
            assertThat(SmtpFailures.authentication(refused)).as("%d", code).isTrue();
            assertThat(SmtpFailures.temporary(refused)).as("%d", code).isFalse();
        }
        MessagingException chained = new MessagingException("connect failed");
        chained.setNextException(new jakarta.mail.AuthenticationFailedException("535 no"));
        assertThat(SmtpFailures.authentication(new MailSendException("x", chained))).isTrue();
        assertThat(SmtpFailures.reason(new MailSendException("x", chained), "pw"))
                .startsWith("The mail server refused the account's login");
    }

    @Test
    void otherFailuresAreNoRefusedLogin() throws Exception {
        assertThat(SmtpFailures.authentication(new MailSendException("x", new SMTPAddressFailedException(
                new InternetAddress("nobody@acme.test"), "RCPT", 550, "550 no such user")))).isFalse();
        assertThat(SmtpFailures.authentication(new MailSendException("x", new SMTPSendFailedException("DATA", 554,
                "554 rejected", null, null, null, null)))).isFalse();
        assertThat(SmtpFailures.authentication(new MailSendException("x", new SMTPSendFailedException("DATA", 454,
                "454 4.7.0 Temporary authentication failure", null, null, null, null)))).isFalse();
        assertThat(SmtpFailures.authentication(new MailSendException("x",
                new MessagingException("Could not connect", new ConnectException("Connection refused"))))).isFalse();
    }
}
