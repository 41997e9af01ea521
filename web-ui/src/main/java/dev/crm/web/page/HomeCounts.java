package dev.crm.web.page;

import dev.crm.shared.Actor;
import java.util.List;

/**
 * What a kind counts on the home page for a user (its own package answers it: the e-mails not sent yet and the failed
 * ones, the tasks overdue and due today, the memos waiting for my review, the requests pending): a heading and
 * counts, each linking to the list it counts, each one query within the user's view rule. Nothing for a user who may
 * see none.
 */
public interface HomeCounts {

    /** One count: {@code label} a message key taking the number, {@code href} the list it counts, {@code id} its id. */
    record Count(String id, String label, long count, String href, boolean warning) {
    }

    /**
     * One kind's block: {@code section} the path of the kind whose section on the home page shows it (its
     * {@code Kind#path()}), {@code heading} a message key.
     */
    record Block(String id, String section, String heading, List<Count> counts) {
    }

    /** The block for this user, or none. */
    java.util.Optional<Block> countsFor(Actor actor);
}
