package dev.crm.web.user;

import dev.crm.command.Rejected;
import dev.crm.command.user.UserCommands.ChangeUserDepartments;
import dev.crm.command.user.UserCommands.ChangeUserRoles;
import dev.crm.command.user.UserCommands.CreateUser;
import dev.crm.command.user.UserCommands.DeactivateUser;
import dev.crm.command.user.UserCommands.ReactivateUser;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.config.CommandSender;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import java.nio.charset.StandardCharsets;
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

    static final int PASSWORD_MIN = 8;
    /** bcrypt reads at most 72 bytes; a longer password would be silently truncated. */
    static final int PASSWORD_MAX_BYTES = 72;

    private final CommandSender commands;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;

    UserAdministration(CommandSender commands, JdbcTemplate jdbc, PasswordEncoder encoder) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.encoder = encoder;
    }

    @Transactional
    public void create(Actor actor, String username, String password, String displayName, Set<Role> roles) {
        try {
            commands.send(new CreateUser(username, displayName, roles), actor);
        } catch (AggregateStreamCreationException | ConcurrencyException e) {
            // a stream for this username exists already (or is being created right now)
            throw new Rejected.WrongState("error.user.exists", username);
        }
        if (password == null || password.length() < PASSWORD_MIN
                || password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new Rejected.Invalid("password", "validation.password", PASSWORD_MIN, PASSWORD_MAX_BYTES);
        }
        try {
            jdbc.update("INSERT INTO user_credential (username, password_hash) VALUES (?, ?)", username,
                    encoder.encode(password));
        } catch (DuplicateKeyException e) {
            throw new Rejected.WrongState("error.user.exists", username);
        }
    }

    public void changeRoles(Actor actor, String username, Set<Role> roles) {
        commands.send(new ChangeUserRoles(username, roles), actor);
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
        commands.send(new ChangeUserDepartments(username, departments), actor);
    }

    /** Roles and departments together, as the user page saves them: both or neither. */
    @Transactional
    public void change(Actor actor, String username, Set<Role> roles, Set<Long> departments) {
        commands.send(new ChangeUserRoles(username, roles), actor);
        commands.send(new ChangeUserDepartments(username, departments), actor);
    }

    public void deactivate(Actor actor, String username) {
        commands.send(new DeactivateUser(username), actor);
    }

    public void reactivate(Actor actor, String username) {
        commands.send(new ReactivateUser(username), actor);
    }
}
