package dev.crm.app.mail;

import dev.crm.app.CommandSender;
import dev.crm.app.reference.ReferenceService;
import dev.crm.app.secret.SecretStore;
import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.reference.ReferenceCommands;
import dev.crm.query.reference.ReferenceQueries;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.kind.Limits;
import dev.crm.shared.reference.MailAccountStopped;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Service;

/**
 * The mail accounts the CRM sends through (kept by administrators as reference data of the kind
 * {@link ReferenceKind#MAIL_ACCOUNT}): their passwords from the secret store, an owner's main account, and a
 * {@link JavaMailSender} made for an account (Jakarta Mail: STARTTLS required or SSL as the account says, login with
 * its username and password, bounded timeouts), and whether an account is stopped (its server refused the login:
 * {@link #stop}, {@link #stopped}, {@link #resume}). Nothing here logs or answers a password.
 */
@Service
public class MailAccounts {

    /** Connect, read and write timeouts of an SMTP session, in milliseconds. */
    static final String TIMEOUT = "20000";
    private static final Logger LOG = LoggerFactory.getLogger(MailAccounts.class);
    private static final ReferenceKind KIND = ReferenceKind.MAIL_ACCOUNT;

    /** Who stops an account whose login the server refused. */
    static final Actor SYSTEM = Actor.of("system", Role.ADMIN);

    private final ReferenceQueries accounts;
    private final ReferenceService references;
    private final SecretStore secrets;
    private final CommandSender commands;

    MailAccounts(ReferenceQueries accounts, ReferenceService references, SecretStore secrets, CommandSender commands) {
        this.accounts = accounts;
        this.references = references;
        this.secrets = secrets;
        this.commands = commands;
    }

    /**
     * Why sending through the account is stopped (the mail server refused its login), or empty when it sends (or
     * does not exist). Nothing is to be sent through a stopped account: its e-mails wait, queued.
     */
    public Optional<String> stopped(long account) {
        return accounts.find(KIND, account).map(a -> a.value(MailAccountStopped.FIELD));
    }

    /**
     * Stops sending through the account: the mail server refused its login. Recorded by {@code system} as
     * {@code MailAccountStopped} in the account's history; stopped already: nothing new. {@code reason} must hold no
     * secret (the senders' reasons have the password masked). An administrator's change of its connection or
     * {@link #resume} lifts it. A deleted or unknown account: {@link Rejected.NotFound}.
     */
    public void stop(long account, String reason) {
        try {
            commands.send(new ReferenceCommands.StopMailAccount(account, reason), SYSTEM);
        } catch (org.axonframework.modelling.command.ConcurrencyException raced) {
            // another instance's sender met the refusal at the same moment and stopped it: stopped either way
            if (stopped(account).isEmpty()) {
                throw raced;
            }
            return;
        }
        LOG.warn("Sending through mail account {} stopped: {}", account, reason);
    }

    /** (admin) Sending through the account goes on; its waiting e-mails go out by themselves. Not stopped: nothing. */
    public void resume(Actor actor, long account) {
        references.find(actor, KIND, account);
        commands.send(new ReferenceCommands.ResumeMailAccount(account), actor);
    }

    /** The live accounts that are stopped, by ID, with their reason (for the administrators' notice). */
    public List<ReferenceView> stoppedAccounts() {
        return accounts.all(KIND).stream().filter(a -> a.value(MailAccountStopped.FIELD) != null).toList();
    }

    /** The account's password, decrypted (for the sender; never shown); empty when it has none. */
    public Optional<String> passwordOf(long id) {
        accounts.find(KIND, id).orElseThrow(() -> new Rejected.NotFound(id));
        return secrets.get(id);
    }

    /** The owner's main account (live), if they have one. */
    public Optional<ReferenceView> mainAccountOf(String owner) {
        return accounts.all(KIND).stream()
                .filter(a -> Objects.equals(owner, a.value(Fields.OWNER.name())) && a.flag(Fields.MAIN.name()))
                .findFirst();
    }

    /** The account (live or deleted), if there is one. */
    public Optional<ReferenceView> account(long id) {
        return accounts.find(KIND, id);
    }

    /** A sender through the account. */
    public JavaMailSender senderOf(long id) {
        ReferenceView account = accounts.find(KIND, id).orElseThrow(() -> new Rejected.NotFound(id));
        return sender(account, passwordOf(id).orElse(null));
    }

    /**
     * (admin) Sends a short test message through the account to {@code to}; a failure of the server (refused login,
     * no connection) is {@link Rejected.WrongState} {@code error.mail-account.test-failed} with the server's reason,
     * the password left out of it.
     */
    public void sendTest(Actor actor, long id, String to, String subject, String text) {
        ReferenceView account = references.find(actor, KIND, id);
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.reference.admin-only");
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        if (to == null || to.isBlank()) {
            errors.add(new Rejected.FieldError("to", "validation.required", new Object[0]));
        } else {
            FieldRules.email("to", to.strip(), Limits.EMAIL, errors);
        }
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        String password = secrets.get(id).orElse(null);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(account.value(Fields.FROM.name()));
        message.setTo(to.strip());
        message.setSubject(subject);
        message.setText(text);
        try {
            sender(account, password).send(message);
            LOG.info("Test message sent through mail account {} by {}", id, actor.username());
        } catch (MailException e) {
            String reason = reason(e, password);
            LOG.warn("Test message through mail account {} failed: {}", id, reason);
            throw new Rejected.WrongState("error.mail-account.test-failed", reason);
        }
    }

    /** The sender for an account's settings. */
    static JavaMailSenderImpl sender(ReferenceView account, String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(account.value(Fields.HOST.name()));
        sender.setPort(Integer.parseInt(account.value(Fields.PORT.name())));
        sender.setDefaultEncoding("UTF-8");
        String username = account.value(Fields.USERNAME.name());
        Properties properties = sender.getJavaMailProperties();
        String security = account.value(Fields.SECURITY.name());
        if ("ssl".equals(security)) {
            properties.put("mail.smtp.ssl.enable", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if ("starttls".equals(security)) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        if (username != null) {
            sender.setUsername(username);
            sender.setPassword(password == null ? "" : password);
            properties.put("mail.smtp.auth", "true");
        }
        properties.put("mail.smtp.connectiontimeout", TIMEOUT);
        properties.put("mail.smtp.timeout", TIMEOUT);
        properties.put("mail.smtp.writetimeout", TIMEOUT);
        return sender;
    }

    /** The server's answer or the connection's failure, in one line, without the password. */
    public static String reason(Exception e, String password) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof MailException || cause instanceof MessagingException)) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        if (password != null && !password.isEmpty()) {
            text = text.replace(password, "***");
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
