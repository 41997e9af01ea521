package dev.crm.shared.user;

/** Events of a user account. Its stream's identifier is the username. Passwords are never in events. */
public sealed interface UserEvent permits UserCreated, UserRolesChanged {

    String username();
}
