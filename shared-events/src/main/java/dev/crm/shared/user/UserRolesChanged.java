package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import java.util.List;

public record UserRolesChanged(String username, List<Role> from, List<Role> to) implements UserEvent {

    public UserRolesChanged {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.ROLES.change(UserEvent.join(from.stream().map(Role::apiName).toList()),
                UserEvent.join(to.stream().map(Role::apiName).toList())));
    }
}
