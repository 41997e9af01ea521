package dev.crm.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.Rejected;
import dev.crm.command.user.UserCommands.ChangeUserRoles;
import dev.crm.command.user.UserCommands.CreateUser;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserRolesChanged;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user account, identified by its username. A username starts with a letter, so it can never be
 * mistaken for an object's numeric ID in the event store. The password is not part of the aggregate:
 * secrets do not belong in an append-only log.
 */
@Aggregate
public class UserAggregate {

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,39}");
    static final int DISPLAY_NAME_MAX = 100;

    @AggregateIdentifier
    private String username;
    private List<Role> roles;

    protected UserAggregate() {
        // for Axon
    }

    @CommandHandler
    public UserAggregate(CreateUser cmd, MetaData metaData) {
        requireAdmin(metaData);
        List<Rejected.FieldError> errors = new ArrayList<>();
        if (cmd.username() == null || !USERNAME.matcher(cmd.username()).matches()) {
            errors.add(new Rejected.FieldError("username", "validation.username", new Object[0]));
        }
        String displayName = cmd.displayName() == null ? null : cmd.displayName().strip();
        if (displayName != null && (displayName.length() > DISPLAY_NAME_MAX
                || displayName.chars().anyMatch(Character::isISOControl))) {
            errors.add(new Rejected.FieldError("displayName", "validation.too-long", new Object[] {DISPLAY_NAME_MAX}));
        }
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        apply(new UserCreated(cmd.username(), displayName == null || displayName.isEmpty() ? cmd.username()
                : displayName, ordered(cmd.roles())));
    }

    @CommandHandler
    public void handle(ChangeUserRoles cmd, MetaData metaData) {
        requireAdmin(metaData);
        List<Role> newRoles = ordered(cmd.roles());
        if (!newRoles.equals(roles)) {
            apply(new UserRolesChanged(username, roles, newRoles));
        }
    }

    private static void requireAdmin(MetaData metaData) {
        if (!Actor.fromMetaData(metaData).isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only");
        }
    }

    /** Stored roles leave out the implicit co-worker role and follow the enum's order. */
    static List<Role> ordered(Set<Role> roles) {
        EnumSet<Role> set = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        set.remove(Role.CO_WORKER);
        return List.copyOf(set);
    }

    @EventSourcingHandler
    void on(UserCreated e) {
        username = e.username();
        roles = e.roles();
    }

    @EventSourcingHandler
    void on(UserRolesChanged e) {
        roles = e.to();
    }
}
