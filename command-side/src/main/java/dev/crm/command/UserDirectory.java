package dev.crm.command;

/** What the command side needs to know about users; the application wires it to the users read model. */
public interface UserDirectory {

    boolean isActiveUser(String username);
}
