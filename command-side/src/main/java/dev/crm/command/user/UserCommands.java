package dev.crm.command.user;

import dev.crm.shared.Role;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** User commands; only admins may send them (the acting user is in the metadata). */
public final class UserCommands {

    private UserCommands() {
    }

    public record CreateUser(@TargetAggregateIdentifier String username, String displayName, Set<Role> roles) {
    }

    public record ChangeUserRoles(@TargetAggregateIdentifier String username, Set<Role> roles) {
    }

    public record ChangeUserDepartments(@TargetAggregateIdentifier String username, Set<Long> departments) {
    }

    public record DeactivateUser(@TargetAggregateIdentifier String username) {
    }

    public record ReactivateUser(@TargetAggregateIdentifier String username) {
    }
}
