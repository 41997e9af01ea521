package dev.crm.web.user;

import dev.crm.app.user.PasswordPolicy;
import dev.crm.app.user.UserAdministration;

import dev.crm.command.Rejected;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * On the first start with an empty store, creates the user {@code admin} with the password from
 * {@code CRM_ADMIN_PASSWORD}, or a random one written once to the log. A {@code CRM_ADMIN_PASSWORD} that
 * the {@link PasswordPolicy} refuses stops the start with the reason ({@link WeakAdminPasswordAnalyzer}):
 * an administrator account is the last one that should have a guessable password, and a service that
 * starts anyway would keep it.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    /** Who the bootstrap acts as; its history entry shows this name. */
    static final Actor SYSTEM = Actor.of("system", Role.ADMIN);
    static final String ADMIN = "admin";

    private final UserQueries users;
    private final UserAdministration administration;
    private final PasswordPolicy policy;
    private final MessageSource messages;
    private final String configuredPassword;

    AdminBootstrap(UserQueries users, UserAdministration administration, PasswordPolicy policy,
                   MessageSource messages, @Value("${crm.admin-password:}") String configuredPassword) {
        this.users = users;
        this.administration = administration;
        this.policy = policy;
        this.messages = messages;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        if (!generated) {
            List<Rejected.FieldError> errors = policy.check(ADMIN, configuredPassword);
            if (!errors.isEmpty()) {
                throw new WeakAdminPassword(errors.stream()
                        .map(e -> messages.getMessage(e.code(), e.args(), e.code(), Locale.ENGLISH))
                        .collect(Collectors.joining(" ")));
            }
        }
        String password = generated ? randomPassword() : configuredPassword;
        administration.create(SYSTEM, ADMIN, password, "Administrator", Set.of(Role.ADMIN));
        if (generated) {
            log.warn("Created the user 'admin' with the generated password: {}  (shown only this once; "
                    + "set CRM_ADMIN_PASSWORD to choose it)", password);
        } else {
            log.info("Created the user 'admin' with the password from CRM_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code CRM_ADMIN_PASSWORD} does not meet the password policy; the message says why. */
    static final class WeakAdminPassword extends IllegalStateException {
        WeakAdminPassword(String reasons) {
            super("CRM_ADMIN_PASSWORD does not meet the password policy: " + reasons);
        }
    }
}
