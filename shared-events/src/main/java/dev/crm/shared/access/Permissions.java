package dev.crm.shared.access;

import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import java.util.Map;

/**
 * The permission matrix, in one place: for each kind of object, role and action, how far the role
 * reaches ({@link Scope}). It is the default matrix of {@code domain.md}. Every user is a co-worker as
 * well, so an actor's reach is the widest of co-worker's and their own roles'; admins reach everything.
 *
 * <p>The matrix says whether a role may act on a kind at all and whether it may act on every object of
 * it ({@link Scope#ALL}); narrower scopes defer to the kind's dynamic rules, which are written once per kind
 * ({@code MemoAccess}, {@code TaskAccess}, …) and ask this class for the "all" part. A kind's row is part of
 * its declaration ({@link Kind}, listed in {@link Kinds}); {@code PermissionMatrixIT} drives the API for every role ×
 * kind × action against this table.
 */
public final class Permissions {

    public enum Action {
        ADD, CHANGE, DELETE, VIEW;

        public char letter() {
            return Character.toLowerCase(name().charAt(0));
        }
    }

    /** How far a role reaches, narrowest first. */
    public enum Scope {
        /** not at all */
        NONE,
        /** the objects the kind's dynamic rules give the user (owner, recipient, responsible, …) */
        RULES,
        /** the objects the user owns or co-owns */
        OWN,
        /** the objects of the user's departments */
        DEPT,
        /** every object of the kind (the state rules still apply, e.g. drafts stay private) */
        ALL;

        public String apiName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private Permissions() {
    }

    /** How far one role reaches for the kind and action (admins: all). */
    public static Scope scope(Role role, String kind, Action action) {
        if (role == Role.ADMIN) {
            return Scope.ALL;
        }
        return Kinds.named(kind).map(k -> k.scope(role, action)).orElse(Scope.NONE);
    }

    /** How far the actor reaches: the widest of co-worker's and each of their roles'. */
    public static Scope scope(Actor actor, String kind, Action action) {
        Scope widest = scope(Role.CO_WORKER, kind, action);
        for (Role role : actor.roles()) {
            Scope s = scope(role, kind, action);
            if (s.compareTo(widest) > 0) {
                widest = s;
            }
        }
        return widest;
    }

    /** Whether the actor may do this to some objects of the kind (the kind's rules decide which). */
    public static boolean allows(Actor actor, String kind, Action action) {
        return scope(actor, kind, action) != Scope.NONE;
    }

    /** Whether the actor may do this to every object of the kind. */
    public static boolean allowsAll(Actor actor, String kind, Action action) {
        return scope(actor, kind, action) == Scope.ALL;
    }

    /**
     * Whether the actor may do this to one object of a kind whose rights are the matrix alone (no dynamic rules):
     * {@link Scope#ALL} any object, {@link Scope#DEPT} one of the actor's departments' ({@code actorDepartments}, asked
     * only then) or their own, {@link Scope#OWN} one the actor owns; {@link Scope#RULES} and {@link Scope#NONE} none.
     */
    public static boolean reaches(Actor actor, String kind, Action action, String owner, Long department,
                                  java.util.function.Supplier<? extends java.util.Collection<Long>> actorDepartments) {
        return reaches(actor, kind, action, owner, null, department, actorDepartments);
    }

    /**
     * The same for an object with a co-owner ({@code Kind#coOwner}; null: none), who reaches it as its owner does.
     */
    public static boolean reaches(Actor actor, String kind, Action action, String owner, String coOwner,
                                  Long department,
                                  java.util.function.Supplier<? extends java.util.Collection<Long>> actorDepartments) {
        boolean own = actor.is(owner) || coOwner != null && actor.is(coOwner);
        return switch (scope(actor, kind, action)) {
            case ALL -> true;
            case DEPT -> own || department != null && actorDepartments.get().contains(department);
            case OWN -> own;
            case RULES, NONE -> false;
        };
    }

    /** The kinds with a row of their own, in the order of the matrix. */
    public static List<String> kinds() {
        return Kinds.ALL.stream().filter(k -> k.follows() == null).map(Kind::name).toList();
    }

    /** Kinds whose rights follow another object, with what they follow (for the matrix page). */
    public static Map<String, String> followingKinds() {
        Map<String, String> following = new LinkedHashMap<>();
        Kinds.ALL.stream().filter(k -> k.follows() != null).forEach(k -> following.put(k.name(), k.follows()));
        return Collections.unmodifiableMap(following);
    }
}
