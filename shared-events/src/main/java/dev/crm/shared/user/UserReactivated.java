package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import java.util.List;

public record UserReactivated(String username) implements UserEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.ACTIVE.change(false, true));
    }
}
