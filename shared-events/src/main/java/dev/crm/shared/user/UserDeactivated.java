package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The user can no longer sign in or be chosen; their objects and history stay. Users are never deleted. */
public record UserDeactivated(String username) implements UserEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.ACTIVE.change(true, false));
    }
}
