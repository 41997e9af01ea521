package dev.crm.command.payment;

import dev.crm.shared.Actor;
import java.util.Optional;

/** What a payment needs to know of deals; the application answers from the deals' read model. */
public interface PaymentDeals {

    /** The deal's owner, co-owner (or null) and department. */
    record Holder(String owner, String coOwner, Long department) {
    }

    /** The live deal, if the actor may see it. */
    Optional<Holder> visible(long deal, Actor actor);

    /** The deal's co-owner (live or not), or null. */
    String coOwner(long deal);
}
