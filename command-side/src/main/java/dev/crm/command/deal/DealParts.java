package dev.crm.command.deal;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;

/**
 * What a deal needs to know of the objects it is a part of (its contact, company, lead, request: the references
 * declared {@code partOf}); the application answers from their read models.
 */
public interface DealParts {

    /** Whether the live object the reference names exists and the actor may see it. */
    boolean visible(Field reference, long id, Actor actor);
}
