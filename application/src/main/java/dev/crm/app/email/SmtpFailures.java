package dev.crm.app.email;

import dev.crm.app.mail.MailAccounts;
import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;

/**
 * What a failure to send means: for now (no connection, a timeout, a 4xx answer: try again later), a refused login
 * (the account's own fault: its sending stops, {@link #authentication}), or for good (a 5xx answer, a bad address),
 * and its reason in one line without the password.
 */
public final class SmtpFailures {

    /**
     * The SMTP answers that refuse the account's login (RFC 4954): 530 authentication required, 534 a stronger
     * mechanism required, 535 credentials invalid, 538 encryption required for the mechanism.
     */
    static final java.util.Set<Integer> LOGIN_REFUSED = java.util.Set.of(530, 534, 535, 538);

    private SmtpFailures() {
    }

    /**
     * Whether the server refused the account's login: Spring's {@link MailAuthenticationException}, Jakarta Mail's
     * {@link AuthenticationFailedException} anywhere in the causes, or an SMTP answer of {@link #LOGIN_REFUSED}. Not a
     * failure of this one message: nothing through the account will pass until its login is fixed.
     */
    public static boolean authentication(MailException e) {
        if (e instanceof MailAuthenticationException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException send && LOGIN_REFUSED.contains(send.getReturnCode())) {
                return true;
            }
            if (cause instanceof SMTPSenderFailedException sender && LOGIN_REFUSED.contains(sender.getReturnCode())) {
                return true;
            }
            if (cause instanceof jakarta.mail.MessagingException messaging
                    && messaging.getNextException() instanceof AuthenticationFailedException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the server may take it later (a refused login is not: see {@link #authentication}). */
    public static boolean temporary(MailException e) {
        if (authentication(e)) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address) {
                return address.getReturnCode() / 100 == 4;
            }
            if (cause instanceof SMTPSendFailedException send) {
                return send.getReturnCode() / 100 == 4;
            }
            if (cause instanceof MailConnectException || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof jakarta.mail.MessagingException messaging && messaging.getNextException() != null
                    && messaging.getNextException() != cause.getCause()) {
                if (messaging.getNextException() instanceof IOException
                        || messaging.getNextException() instanceof MailConnectException) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reason, a refused login said as such; never the password. */
    public static String reason(MailException e, String password) {
        String reason = MailAccounts.reason(e, password);
        if (authentication(e)) {
            return "The mail server refused the account's login (check its username and password): " + reason;
        }
        return reason;
    }
}
