package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import java.util.List;

/** The departments a user belongs to, by ID, in ascending order; before and after. */
public record UserDepartmentsChanged(String username, List<Long> from, List<Long> to) implements UserEvent {

    public UserDepartmentsChanged {
        from = List.copyOf(from);
        to = List.copyOf(to);
    }

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.DEPARTMENTS.change(UserEvent.join(from), UserEvent.join(to)));
    }
}
