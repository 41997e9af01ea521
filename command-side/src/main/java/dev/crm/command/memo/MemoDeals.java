package dev.crm.command.memo;

import dev.crm.shared.Actor;

/** What a memo needs to know of the deal it is a part of ({@code MemoKind.DEAL}); the application answers from the deals' read model. */
public interface MemoDeals {

    /** Whether the live deal exists and the actor may see it. */
    boolean visible(long deal, Actor actor);
}
