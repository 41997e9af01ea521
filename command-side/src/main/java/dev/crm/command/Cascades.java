package dev.crm.command;

import dev.crm.shared.Deletion;
import org.axonframework.messaging.MetaData;

/**
 * A delete sent as part of another object's delete (its metadata names the root in {@code deletedWith}).
 * Such a part goes with its root whoever may change the part itself: the right that counts is the one to
 * delete the root, which its own command checked in the same transaction — if it is refused, the parts'
 * deletes roll back with it. Only the server's delete services put this metadata on a command.
 */
public final class Cascades {

    private Cascades() {
    }

    public static boolean isPart(MetaData metaData) {
        return metaData.get(Deletion.DELETED_WITH) != null;
    }
}
