package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * The time zone (an IANA id such as {@code Europe/Berlin}) the user reads moments in; {@code from} null: none
 * chosen yet (the server's default). Issue 16.
 */
public record UserTimeZoneChanged(String username, String from, String to) implements UserEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.TIME_ZONE.change(from, to));
    }
}
