package dev.crm.command;

import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * An object's API version is the number of events it has had; Axon counts the last sequence number
 * from 0, so the API version is Axon's plus one.
 */
public final class Versions {

    private Versions() {
    }

    public static long current() {
        Long sequence = AggregateLifecycle.getVersion();
        return sequence == null ? 0 : sequence + 1;
    }

    /** Rejects a command whose expected version (from If-Match) is not the current one; null means "any". */
    public static void require(Long expected) {
        long actual = current();
        if (expected != null && expected != actual) {
            throw new Rejected.StaleVersion(expected, actual);
        }
    }
}
