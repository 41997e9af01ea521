package dev.crm.shared.user;

import dev.crm.shared.Role;
import java.util.List;

public record UserRolesChanged(String username, List<Role> from, List<Role> to) implements UserEvent {

    public UserRolesChanged {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }
}
