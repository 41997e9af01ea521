package dev.crm.command;

/** What the command side needs to know about users; the application wires it to the users read model. */
public interface UserDirectory {

    boolean isActiveUser(String username);

    /** The user's departments, lowest ID first; an object a user creates belongs to the first of them. */
    default java.util.List<Long> departmentsOf(String username) {
        return java.util.List.of();
    }

    /** The department a new object of this user belongs to, or null if the user has none. */
    default Long homeDepartment(String username) {
        return departmentsOf(username).stream().findFirst().orElse(null);
    }
}
