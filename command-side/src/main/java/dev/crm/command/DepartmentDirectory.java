package dev.crm.command;

import java.util.Optional;

/** What the command side needs to know about departments; the application wires it to their read model. */
public interface DepartmentDirectory {

    boolean exists(long departmentId);

    /** The department with this name, whatever the case of its letters. */
    Optional<Long> findByName(String name);
}
