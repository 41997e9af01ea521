package dev.crm.shared;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who performs a command or a read: a username and the roles held at that moment. Every user is a
 * co-worker as well. Travels as command metadata under {@link #USERNAME} and {@link #ROLES}; the
 * username is copied into each event's metadata, which is where history takes "who" from.
 */
public record Actor(String username, Set<Role> roles) {

    public static final String USERNAME = "username";
    public static final String ROLES = "roles";

    public Actor {
        Objects.requireNonNull(username, "username");
        EnumSet<Role> all = EnumSet.of(Role.CO_WORKER);
        all.addAll(roles);
        roles = Set.copyOf(all);
    }

    public static Actor of(String username, Role... roles) {
        return new Actor(username, Set.of(roles));
    }

    public boolean is(String user) {
        return username.equals(user);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** The metadata a command carries for this actor. */
    public Map<String, String> toMetaData() {
        String names = roles.stream().map(Role::apiName).sorted().collect(Collectors.joining(","));
        return Map.of(USERNAME, username, ROLES, names);
    }

    /** Reads the actor back from command metadata; fails loudly when a command was sent without one. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object user = metaData.get(USERNAME);
        if (!(user instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException("command metadata has no '" + USERNAME + "'");
        }
        Object names = metaData.get(ROLES);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names instanceof String list && !list.isBlank()) {
            for (String n : list.split(",")) {
                Role.fromApiName(n.trim()).ifPresent(roles::add);
            }
        }
        return new Actor(name, roles);
    }
}
