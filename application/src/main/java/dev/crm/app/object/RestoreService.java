package dev.crm.app.object;

import dev.crm.app.kind.KindModel;
import dev.crm.command.Rejected;
import dev.crm.query.object.DeletedObjects;
import dev.crm.query.object.DeletedObjects.Deleted;
import dev.crm.query.object.ObjectIndex;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings a deleted object back together with the objects its delete removed (its cascade), in one
 * transaction, each with a {@code …Restored} event so its timeline continues. A file object whose stored
 * content was purged meanwhile cannot come back: it stays deleted, and the outcome names it, so the admin
 * is told at once rather than meeting a missing file later. The aggregates have the final say (admins only,
 * deleted objects only, see {@code Restoring}); each kind restores its own ({@code KindSupport#restore}).
 */
@Service
public class RestoreService {

    /** What a restore brought back, and the file objects left deleted because their content is gone. */
    public record Outcome(List<ObjectSummary> restored, List<ObjectSummary> missingContent) {
    }

    private final DeletedObjects deleted;
    private final ObjectIndex objects;
    private final KindModel kinds;
    private final TransactionTemplate tx;

    RestoreService(DeletedObjects deleted, ObjectIndex objects, KindModel kinds, PlatformTransactionManager transactions) {
        this.deleted = deleted;
        this.objects = objects;
        this.kinds = kinds;
        this.tx = new TransactionTemplate(transactions);
    }

    /** What restoring the object would bring back (the root first); the rules as {@link #restore}. */
    public List<ObjectSummary> preview(Actor actor, long id) {
        Deleted root = restorable(actor, id);
        List<ObjectSummary> all = new ArrayList<>();
        all.add(root.object());
        all.addAll(deleted.partsOf(root.cascade(), id));
        return all;
    }

    public Outcome restore(Actor actor, long id) {
        return restore(actor, id, null);
    }

    /**
     * As above; {@code expectedVersion} (If-Match, may be null) is the deleted object's version the caller read:
     * another one answers 412 and nothing is restored. A deleted object changes only by its restore, which takes
     * the same lock, so its version read under the lock is the one the restore continues from.
     */
    public Outcome restore(Actor actor, long id, Long expectedVersion) {
        Deleted root = restorable(actor, id);
        List<ObjectSummary> parts = deleted.partsOf(root.cascade(), id);
        return tx.execute(status -> {
            objects.lock(id);
            if (expectedVersion != null) {
                long actual = objects.find(id).map(ObjectSummary::version).orElseThrow(() -> new Rejected.NotFound(id));
                if (actual != expectedVersion) {
                    throw new Rejected.StaleVersion(expectedVersion, actual);
                }
            }
            List<ObjectSummary> restored = new ArrayList<>();
            List<ObjectSummary> missing = new ArrayList<>();
            if (!restoreOne(actor, root.object())) {
                throw new Rejected.WrongState("error.restore.content-purged", root.object().title());
            }
            restored.add(root.object());
            // parts in ID order: an object is created before its parts, so containers come back first
            for (ObjectSummary part : parts) {
                (restoreOne(actor, part) ? restored : missing).add(part);
            }
            return new Outcome(restored, missing);
        });
    }

    /** The deleted root of a delete; 404 for non-admins (deleted objects are theirs only to see). */
    private Deleted restorable(Actor actor, long id) {
        if (!actor.isAdmin()) {
            throw new Rejected.NotFound(id);
        }
        Deleted object = deleted.find(id).orElseThrow(() -> objects.find(id).isPresent()
                ? new Rejected.WrongState("error.restore.not-deleted") : new Rejected.NotFound(id));
        if (object.deletedWith() != null && deleted.find(object.deletedWith()).isPresent()) {
            throw new Rejected.WrongState("error.restore.part-of", object.deletedWith());
        }
        // a container removed by this same delete comes back with it (a request and its deal are parts of each other)
        java.util.Set<Long> comingBack = deleted.partsOf(object.cascade(), id).stream().map(ObjectSummary::id)
                .collect(java.util.stream.Collectors.toSet());
        deleted.deletedContainers(id).stream().filter(c -> !comingBack.contains(c.id())).findFirst()
                .ifPresent(c -> {
                    throw new Rejected.WrongState("error.restore.part-of", c.id());
                });
        return object;
    }

    /** Restores one object; false for one that cannot come back (a file object whose content is gone). */
    private boolean restoreOne(Actor actor, ObjectSummary object) {
        return kinds.of(object.kind()).restore(actor, object.id());
    }
}
