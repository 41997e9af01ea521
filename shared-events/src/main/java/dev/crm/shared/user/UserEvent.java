package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Events of a user account. Its stream's identifier is the username. Passwords are never in events. */
public sealed interface UserEvent
        permits UserCreated, UserRolesChanged, UserDepartmentsChanged, UserDeactivated, UserReactivated,
        UserLanguageChanged, UserTimeZoneChanged {

    String username();

    /** What the user's history shows for this event; derived from the event's fields, not stored. */
    List<FieldChange> changes();

    /** A list as history shows it: "a, b"; an empty list is no value. */
    static String join(Collection<?> values) {
        return values.isEmpty() ? null : values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
