package dev.crm.command;

import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;

/**
 * What the aggregates need to know of the objects their references name (a request's contact, a deal's products, a
 * memo's deal): whether each exists and the actor may see it ({@link Input#referenced}). The application answers from
 * the read models; a missing and an invisible object answer the same.
 */
public interface VisibleObjects {

    /** Whether a live object of that kind has this ID and the actor may see it. */
    boolean visible(Kind kind, long id, Actor actor);
}
