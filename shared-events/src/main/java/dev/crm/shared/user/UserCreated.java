package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import java.util.List;

/** Roles are listed without the implicit co-worker role, in the enum's order. */
public record UserCreated(String username, String displayName, List<Role> roles) implements UserEvent {

    public UserCreated {
        roles = List.copyOf(roles);
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.DISPLAY_NAME.set(displayName),
                UserKind.ROLES.set(UserEvent.join(roles.stream().map(Role::apiName).toList())));
    }
}
