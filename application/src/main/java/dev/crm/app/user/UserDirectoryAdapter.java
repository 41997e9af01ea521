package dev.crm.app.user;

import dev.crm.command.UserDirectory;
import dev.crm.query.user.UserQueries;
import java.util.List;
import org.springframework.stereotype.Component;

/** Answers the command side's questions about users from the users read model (same transaction). */
@Component
class UserDirectoryAdapter implements UserDirectory {

    private final UserQueries users;

    UserDirectoryAdapter(UserQueries users) {
        this.users = users;
    }

    @Override
    public boolean isActiveUser(String username) {
        return users.isActive(username);
    }

    @Override
    public List<Long> departmentsOf(String username) {
        return users.departments(username);
    }
}
