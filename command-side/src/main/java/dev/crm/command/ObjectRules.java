package dev.crm.command;

import dev.crm.shared.Actor;

/**
 * The rules of other objects, for aggregates whose rights follow another object's (a file follows the
 * object it is attached to). The application answers from the read models, which are updated in the
 * same transaction as the events, so they are as current as the store.
 */
public interface ObjectRules {

    /** Whether the object exists, is not deleted and the actor may see it. */
    boolean canView(Actor actor, long objectId);

    /** Whether the actor may change the object (and so add files to it or delete its files). */
    boolean canChange(Actor actor, long objectId);

    /** Whether objects of this one's kind accept files. */
    boolean acceptsFiles(long objectId);
}
