package dev.crm.app.fields;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;

/**
 * Objects that refer to an object of {@link #kind()} without being its parts (a request names its lead, but a lead's
 * delete does not take its requests, domain.md): when such an object is deleted, they let go of it, each a change in
 * its own history caused by the delete ({@code Causes.CAUSED_BY} = the deleted object), by the same user. One bean per
 * referring kind, in that kind's package; {@link FieldsService#delete} calls it in the delete's transaction, after
 * the delete and its parts, for every object of that kind the delete removed. A restore does not bring the
 * references back: their histories show what was cleared, and a user links them again if they wish.
 */
public interface ReferrersOfDeleted {

    /** The kind whose deleted objects this lets go of. */
    Kind kind();

    /** {@code id}, of {@link #kind()}, was deleted. */
    void deleted(Actor actor, long id);
}
