package dev.crm.command.user;

import dev.crm.shared.user.UserKind;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.crm.command.DepartmentDirectory;
import dev.crm.command.FieldRules;
import dev.crm.command.Rejected;
import dev.crm.command.Versions;
import dev.crm.command.user.UserCommands.ChangeUserDepartments;
import dev.crm.command.user.UserCommands.ChangeUserRoles;
import dev.crm.command.user.UserCommands.ChangeUserSettings;
import dev.crm.command.Zones;
import dev.crm.shared.user.UserLanguageChanged;
import dev.crm.shared.user.UserTimeZoneChanged;
import dev.crm.command.user.UserCommands.CreateUser;
import dev.crm.command.user.UserCommands.DeactivateUser;
import dev.crm.command.user.UserCommands.ReactivateUser;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.user.UserCreated;
import dev.crm.shared.user.UserDeactivated;
import dev.crm.shared.user.UserDepartmentsChanged;
import dev.crm.shared.user.UserReactivated;
import dev.crm.shared.user.UserRolesChanged;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1," + (UserKind.USERNAME.max() - 1) + "}");
    static final int DISPLAY_NAME_MAX = UserKind.DISPLAY_NAME.max();

    @AggregateIdentifier
    private String username;
    private List<Role> roles;
    private List<Long> departments = List.of();
    private boolean active;
    private String language;
    private String timeZone;

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
        FieldRules.optionalName("displayName", displayName, DISPLAY_NAME_MAX, errors);
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        apply(new UserCreated(cmd.username(), displayName == null || displayName.isEmpty() ? cmd.username()
                : displayName, ordered(cmd.roles())));
    }

    @CommandHandler
    public void handle(ChangeUserRoles cmd, MetaData metaData) {
        Actor actor = requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        List<Role> newRoles = ordered(cmd.roles());
        // an administrator cannot lock themself out: some administrator always stays
        if (actor.is(username) && !newRoles.contains(Role.ADMIN)) {
            throw new Rejected.Forbidden("error.user.own-admin-role");
        }
        if (!newRoles.equals(roles)) {
            apply(new UserRolesChanged(username, roles, newRoles));
        }
    }

    @CommandHandler
    public void handle(ChangeUserDepartments cmd, MetaData metaData, DepartmentDirectory directory) {
        requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        TreeSet<Long> ids = new TreeSet<>(cmd.departments());
        List<Rejected.FieldError> errors = new ArrayList<>();
        for (long id : ids) {
            if (!directory.exists(id)) {
                errors.add(new Rejected.FieldError("departments", "validation.unknown-department", new Object[] {id}));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        List<Long> newDepartments = List.copyOf(ids);
        if (!newDepartments.equals(departments)) {
            apply(new UserDepartmentsChanged(username, departments, newDepartments));
        }
    }

    @CommandHandler
    public void handle(DeactivateUser cmd, MetaData metaData) {
        Actor actor = requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        if (actor.is(username)) {
            throw new Rejected.Forbidden("error.user.deactivate-self");
        }
        if (active) {
            apply(new UserDeactivated(username));
        }
    }

    @CommandHandler
    public void handle(ReactivateUser cmd, MetaData metaData) {
        requireAdmin(metaData);
        Versions.require(cmd.expectedVersion());
        if (!active) {
            apply(new UserReactivated(username));
        }
    }

    @CommandHandler
    public void handle(ChangeUserSettings cmd, MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!actor.is(username) && !actor.isAdmin()) {
            throw new Rejected.Forbidden("error.user.settings-others");
        }
        Versions.require(cmd.expectedVersion());
        List<Rejected.FieldError> errors = new ArrayList<>();
        String newLanguage = cmd.language() == null ? null : cmd.language().strip();
        if (newLanguage != null && !newLanguage.isEmpty() && !UserKind.LANGUAGES.contains(newLanguage)) {
            errors.add(new Rejected.FieldError("language", "validation.language",
                    new Object[] {newLanguage, String.join(", ", UserKind.LANGUAGES)}));
        }
        String newZone = cmd.timeZone() == null ? null : cmd.timeZone().strip();
        if (newZone != null && !newZone.isEmpty() && !Zones.isZone(newZone)) {
            errors.add(new Rejected.FieldError("timeZone", "validation.time-zone", new Object[] {newZone}));
        }
        if (!errors.isEmpty()) {
            throw new Rejected.Invalid(errors);
        }
        // null: as it is; empty: none (the browser's language, the server's zone)
        if (newLanguage != null && !cmd.onlyUnset()) {
            String to = newLanguage.isEmpty() ? null : newLanguage;
            if (!java.util.Objects.equals(to, language)) {
                apply(new UserLanguageChanged(username, language, to));
            }
        }
        if (newZone != null && !(cmd.onlyUnset() && timeZone != null)) {
            String to = newZone.isEmpty() ? null : newZone;
            if (!java.util.Objects.equals(to, timeZone)) {
                apply(new UserTimeZoneChanged(username, timeZone, to));
            }
        }
    }

    private static Actor requireAdmin(MetaData metaData) {
        Actor actor = Actor.fromMetaData(metaData);
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only");
        }
        return actor;
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
        active = true;
    }

    @EventSourcingHandler
    void on(UserRolesChanged e) {
        roles = e.to();
    }

    @EventSourcingHandler
    void on(UserDepartmentsChanged e) {
        departments = e.to();
    }

    @EventSourcingHandler
    void on(UserDeactivated e) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated e) {
        active = true;
    }

    @EventSourcingHandler
    void on(UserLanguageChanged e) {
        language = e.to();
    }

    @EventSourcingHandler
    void on(UserTimeZoneChanged e) {
        timeZone = e.to();
    }
}
