package dev.crm.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.ReferenceKind;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class MailAccountsTest {

    private static ReferenceView account(String security, String username) {
        Map<String, String> values = new HashMap<>();
        values.put("host", "smtp.example.com");
        values.put("port", "465");
        values.put("security", security);
        values.put("username", username);
        return new ReferenceView(1, ReferenceKind.MAIL_ACCOUNT, values, false, 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void sslStarttlsAndNoneSecureTheConnectionAsTheAccountSays() {
        JavaMailSenderImpl ssl = MailAccounts.sender(account("ssl", "me"), "pw");
        assertThat(ssl.getHost()).isEqualTo("smtp.example.com");
        assertThat(ssl.getPort()).isEqualTo(465);
        assertThat(ssl.getJavaMailProperties()).containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.auth", "true").doesNotContainKey("mail.smtp.starttls.enable")
                .containsEntry("mail.smtp.connectiontimeout", MailAccounts.TIMEOUT)
                .containsEntry("mail.smtp.timeout", MailAccounts.TIMEOUT)
                .containsEntry("mail.smtp.writetimeout", MailAccounts.TIMEOUT);
        assertThat(ssl.getUsername()).isEqualTo("me");
        assertThat(ssl.getPassword()).isEqualTo("pw");

        JavaMailSenderImpl starttls = MailAccounts.sender(account("starttls", "me"), "pw");
        assertThat(starttls.getJavaMailProperties()).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true").doesNotContainKey("mail.smtp.ssl.enable");

        JavaMailSenderImpl plain = MailAccounts.sender(account("none", null), null);
        assertThat(plain.getJavaMailProperties()).doesNotContainKeys("mail.smtp.auth", "mail.smtp.ssl.enable",
                "mail.smtp.starttls.enable");
        assertThat(plain.getUsername()).isNull();
    }

    @Test
    void aFailuresReasonIsOneLineWithoutThePassword() {
        String reason = MailAccounts.reason(new MailAuthenticationException(
                new jakarta.mail.AuthenticationFailedException("535 5.7.8 bad\n credentials for s3cr3t")), "s3cr3t");
        assertThat(reason).isEqualTo("535 5.7.8 bad credentials for ***");
    }
}
