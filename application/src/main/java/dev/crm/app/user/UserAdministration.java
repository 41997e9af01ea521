package dev.crm.app.user;

import dev.crm.command.Rejected;
import dev.crm.command.user.UserCommands.ChangeUserDepartments;
import dev.crm.command.user.UserCommands.ChangeUserRoles;
import dev.crm.command.user.UserCommands.ChangeUserSettings;
import dev.crm.command.user.UserCommands.CreateUser;
import dev.crm.command.user.UserCommands.DeactivateUser;
import dev.crm.command.user.UserCommands.ReactivateUser;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.app.CommandSender;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates users: the {@code UserCreated} event and the password hash are written in one transaction,
 * so neither exists without the other. The user aggregate decides who may do it.
 */
@Service
public class UserAdministration {

    private final CommandSender commands;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy passwords;

    UserAdministration(CommandSender commands, JdbcTemplate jdbc, PasswordEncoder encoder, PasswordPolicy passwords) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.passwords = passwords;
    }

    /**
     * Creates a user whose password the {@link PasswordPolicy} accepts. The API, the admin pages and the
     * first start's admin all come through here, so the policy holds for every password that is set.
     */
    @Transactional
    public void create(Actor actor, String username, String password, String displayName, Set<Role> roles) {
        List<Rejected.FieldError> passwordErrors = passwords.check(username, password);
        try {
            commands.send(new CreateUser(username, displayName, roles), actor);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // a stream for this username exists already (or is being created right now)
            throw new Rejected.WrongState("error.user.exists", username);
        } catch (Rejected.Invalid e) {
            // the user's fields and the password are reported together
            List<Rejected.FieldError> all = new ArrayList<>(e.errors());
            all.addAll(passwordErrors);
            throw new Rejected.Invalid(all);
        }
        if (!passwordErrors.isEmpty()) {
            // rolls back the user just created: no user without a password
            throw new Rejected.Invalid(passwordErrors);
        }
        try {
            jdbc.update("INSERT INTO user_credential (username, password_hash) VALUES (?, ?)", username,
                    encoder.encode(password));
        } catch (DuplicateKeyException e) {
            throw new Rejected.WrongState("error.user.exists", username);
        }
    }

    public void changeRoles(Actor actor, String username, Set<Role> roles) {
        changeRoles(actor, username, null, roles);
    }

    /** {@code expectedVersion}: the user's version the caller read (If-Match), or null for no check. */
    public void changeRoles(Actor actor, String username, Long expectedVersion, Set<Role> roles) {
        commands.send(new ChangeUserRoles(username, expectedVersion, roles), actor);
    }

    // --- user administration ---

    /** Creates the user and puts them into their departments, in one transaction: all of it or nothing. */
    @Transactional
    public void create(Actor actor, String username, String password, String displayName, Set<Role> roles,
                       Set<Long> departments) {
        create(actor, username, password, displayName, roles);
        if (!departments.isEmpty()) {
            commands.send(new ChangeUserDepartments(username, departments), actor);
        }
    }

    public void changeDepartments(Actor actor, String username, Set<Long> departments) {
        changeDepartments(actor, username, null, departments);
    }

    public void changeDepartments(Actor actor, String username, Long expectedVersion, Set<Long> departments) {
        commands.send(new ChangeUserDepartments(username, expectedVersion, departments), actor);
    }

    /** Roles and departments together, as the user page saves them: both or neither. */
    @Transactional
    public void change(Actor actor, String username, Set<Role> roles, Set<Long> departments) {
        commands.send(new ChangeUserRoles(username, roles), actor);
        commands.send(new ChangeUserDepartments(username, departments), actor);
    }

    public void deactivate(Actor actor, String username) {
        deactivate(actor, username, null);
    }

    public void deactivate(Actor actor, String username, Long expectedVersion) {
        commands.send(new DeactivateUser(username, expectedVersion), actor);
    }

    public void reactivate(Actor actor, String username) {
        reactivate(actor, username, null);
    }

    public void reactivate(Actor actor, String username, Long expectedVersion) {
        commands.send(new ReactivateUser(username, expectedVersion), actor);
    }

    /**
     * The user's own settings (the user themself, or an admin): language and time zone; null leaves one as it is.
     * Answers nothing: the users read model has the new values when this returns.
     */
    public void changeSettings(Actor actor, String username, Long expectedVersion, String language, String timeZone) {
        commands.send(new ChangeUserSettings(username, expectedVersion, language, timeZone), actor);
    }

    /** The browser's zone at a sign-in, kept when the user has none yet; a zone the CRM does not know is left out. */
    public void rememberBrowserZone(Actor actor, String timeZone) {
        if (timeZone != null && dev.crm.command.Zones.isZone(timeZone)) {
            commands.send(new ChangeUserSettings(actor.username(), null, null, timeZone, true), actor);
        }
    }
}
