package dev.crm.query.user;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import java.time.Instant;
import java.util.Set;

/**
 * A user as the users read model holds it; {@code roles} leaves out the implicit co-worker role. {@code language}
 * and {@code timeZone} are null until the user chooses (or their browser's zone is taken at the first sign-in).
 */
public record UserView(String username, String displayName, Set<Role> roles, boolean active, long version,
                       Instant createdAt, String language, String timeZone) {

    /** Before issue 16 (no language or zone chosen). */
    public UserView(String username, String displayName, Set<Role> roles, boolean active, long version,
                    Instant createdAt) {
        this(username, displayName, roles, active, version, createdAt, null, null);
    }

    public Actor actor() {
        return new Actor(username, roles);
    }
}
