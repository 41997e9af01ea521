package dev.crm.shared.user;

import dev.crm.shared.FieldChange;
import java.util.List;

/**
 * The language the user reads the pages in ({@link UserKind#LANGUAGES}); {@code from} null: none chosen yet (the
 * browser's decided). Issue 16.
 */
public record UserLanguageChanged(String username, String from, String to) implements UserEvent {

    @Override
    public List<FieldChange> changes() {
        return List.of(UserKind.LANGUAGE.change(from, to));
    }
}
