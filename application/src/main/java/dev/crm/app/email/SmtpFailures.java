package dev.crm.app.email;

import dev.crm.app.mail.MailAccounts;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;

/**
 * What a failure to send means: for now (no connection, a timeout, a 4xx answer: try again later) or for good (a 5xx
 * answer, a bad address, a refused login), and its reason in one line without the password.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    /** Whether the server may take it later. */
    public static boolean temporary(MailException e) {
        if (e instanceof MailAuthenticationException) {
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
        if (e instanceof MailAuthenticationException) {
            return "The mail server refused the account's login (check its username and password): " + reason;
        }
        return reason;
    }
}
