package dev.crm.app.kind;

import dev.crm.app.Cascade;

import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;

/**
 * What the application layer needs to know of one kind, beside its declaration ({@link Kind}): who sees and
 * changes its objects (its read model answers, with the kind's own rules), and how a deleted one comes back.
 * Each kind has one, in its own package; {@link KindModel} finds it by the kind's name, so code that used to
 * {@code switch} on kind names asks the model.
 */
public interface KindSupport {

    Kind kind();

    /** Whether the actor may see the live object (its kind's rule). */
    boolean mayView(Actor actor, long id);

    /** Whether the actor may change the live object (and so attach files to it): administrators unless the kind says. */
    default boolean mayChange(Actor actor, long id) {
        return actor.isAdmin();
    }

    /**
     * Sends the delete of one object of this kind as a part of another's delete ({@code cascade}), in the
     * caller's transaction: it goes with its root whoever may change it (see {@code Cascades}). Kinds that are
     * never a part refuse.
     */
    default void deleteAsPart(Actor actor, long id, Cascade cascade) {
        throw new IllegalStateException(kind().name() + " objects are never deleted as a part");
    }

    /** An object found by a text search: its ID and title. */
    record Found(long id, String title) {
    }

    /**
     * The live objects of this kind the actor may view whose searchable fields hold the text (each kind says which:
     * memo titles and texts, company names, e-mails and phones, …), at most {@code max}; kinds that are not searched
     * by text find nothing.
     */
    default java.util.List<Found> search(Actor actor, String text, int max) {
        return java.util.List.of();
    }

    /** Whether a deleted object of this kind can be brought back ({@link #restore}). */
    default boolean restorable() {
        return false;
    }

    /**
     * Sends the restore of one deleted object of this kind, in the caller's transaction; false when it cannot
     * come back (a file object whose content was purged), with nothing sent.
     */
    default boolean restore(Actor actor, long id) {
        throw new Rejected.WrongState("error.restore.kind", kind().name());
    }
}
