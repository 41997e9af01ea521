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
}
