package dev.crm.command;

import dev.crm.shared.Actor;

/**
 * The rule for bringing a deleted object back, the same for every kind: administrators only, and only an
 * object that is deleted. Which objects come back together is decided by the delete that removed them
 * (see {@code Deletion}), not here.
 */
public final class Restoring {

    private Restoring() {
    }

    public static void require(Actor actor, boolean deleted) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.restore.admin-only");
        }
        if (!deleted) {
            throw new Rejected.WrongState("error.restore.not-deleted");
        }
    }
}
