package dev.crm.web.object;

import dev.crm.app.object.DeletionPreview;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;

/**
 * What the shared object pages ({@link ObjectPagesController}) need from one kind with pages: its declaration,
 * and the few use cases they call. Each kind describes itself in its own web package ({@code MemoPages},
 * {@code WorkPages}); the shared pages never ask which kind they show.
 */
public interface KindPages {

    /** The kind's declaration: its name, path and fields (labels, limits). */
    Kind kind();

    /** How its list page shows it. */
    ListPage list();

    /** The object as the shared pages show it; 404 when the actor may not see it. */
    Shown visible(Actor actor, long id);

    /** The object, when the actor may delete it; else {@code Rejected.Forbidden} with the kind's reason. */
    Shown deletable(Actor actor, long id);

    DeletionPreview deletionPreview(Actor actor, long id);

    /** Deletes it with what it holds; {@code objects} is the number the confirmation page announced. */
    void delete(Actor actor, long id, Long version, Integer objects);

    /** What every object page shows of an object: its ID, version and title. */
    record Shown(long id, long version, String title) {
    }
}
