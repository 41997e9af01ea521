package dev.crm.query.user;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import java.time.Instant;
import java.util.Set;

/** A user as the users read model holds it; {@code roles} leaves out the implicit co-worker role. */
public record UserView(String username, String displayName, Set<Role> roles, boolean active, long version,
                       Instant createdAt) {

    public Actor actor() {
        return new Actor(username, roles);
    }
}
