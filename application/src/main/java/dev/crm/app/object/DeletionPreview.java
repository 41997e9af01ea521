package dev.crm.app.object;

import dev.crm.command.Rejected;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a delete will remove, as the caller may be told: the objects they may view, by ID, kind and title
 * (the deleted object first), and how many more it removes that they may not view. A part someone else put
 * into the caller's task or project goes with it, but the caller learns neither its ID nor its title (the
 * rule of {@code domain.md}: who may not view an object cannot learn what it is); only that the delete takes
 * {@link #hidden} objects more, so that nothing is removed that the confirmation did not announce.
 */
public record DeletionPreview(List<ObjectSummary> objects, int hidden) {

    public DeletionPreview {
        objects = List.copyOf(objects);
    }

    /** Splits everything a delete removes into what the actor may view and the number of the others. */
    public static DeletionPreview of(List<ObjectSummary> removed, Actor actor, ObjectAccess access) {
        List<ObjectSummary> visible = new ArrayList<>();
        int hidden = 0;
        for (ObjectSummary o : removed) {
            if (access.findVisible(o.id(), actor).filter(v -> !v.deleted()).isPresent()) {
                visible.add(o);
            } else {
                hidden++;
            }
        }
        return new DeletionPreview(visible, hidden);
    }

    /** How many objects the delete removes: those listed and those only counted. */
    public int total() {
        return objects.size() + hidden;
    }

    /**
     * The delete takes exactly what its confirmation announced: when the caller says how many objects that
     * was ({@code expected}, null: not said) and the delete would now remove another number (a part was added or
     * removed meanwhile), it is refused (409) and nothing is removed.
     */
    public static void requireCount(Integer expected, int removing) {
        if (expected != null && expected != removing) {
            throw new Rejected.WrongState("error.delete.changed");
        }
    }
}
