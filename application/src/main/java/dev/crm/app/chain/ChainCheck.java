package dev.crm.app.chain;

import java.util.Objects;

/**
 * Checks the rows of the event store, read in (aggregateidentifier, sequencenumber) order, against their chain: each
 * row's hash must be {@link EventHash#of} the previous row's stored hash and the row itself, sequences must follow
 * each other from 0, and a stream the read model knows at a higher version than its last event is cut. Reports the
 * first broken link; each stream counts as broken once (at its first broken link) and is not checked further.
 */
public final class ChainCheck {

    /** Why a link is broken: a stable code, and the reason in words (the API's {@code reason}). */
    public enum Code {
        HASH, GAP, UNCHAINED, CUT
    }

    private Broken firstBroken;
    private long checked;
    private long brokenStreams;
    private String stream;
    private long expected;
    private String previous;
    private boolean streamBroken;

    /** One row as stored, with its hash (null: not chained). */
    void row(EventHash.Stored event, String hash) {
        checked++;
        if (!event.aggregateIdentifier().equals(stream)) {
            stream = event.aggregateIdentifier();
            expected = 0;
            previous = EventHash.GENESIS;
            streamBroken = false;
        }
        if (streamBroken) {
            return;
        }
        long sequence = event.sequenceNumber();
        if (sequence != expected) {
            broken(new Broken(stream, expected, null, Code.GAP, "gap: sequence " + expected + " missing"));
            return;
        }
        if (hash == null) {
            broken(new Broken(stream, sequence, event.eventIdentifier(), Code.UNCHAINED, "not chained"));
            return;
        }
        if (!Objects.equals(EventHash.of(previous, event), hash)) {
            broken(new Broken(stream, sequence, event.eventIdentifier(), Code.HASH, "hash does not match"));
            return;
        }
        previous = hash;
        expected = sequence + 1;
    }

    /**
     * The read model knows {@code stream} at {@code version} (its events' count), but its last stored event is
     * {@code lastSequence} (-1: none): the events after it are missing.
     */
    void cut(String stream, long lastSequence, long version) {
        if (version > lastSequence + 1) {
            broken(new Broken(stream, lastSequence + 1, null, Code.CUT,
                    "cut: sequence " + (lastSequence + 1) + " to " + (version - 1) + " missing at the end"));
        }
    }

    /** The next sequence expected of the stream read last (its events' count so far), -1 before any. */
    long lastSequence() {
        return expected - 1;
    }

    boolean streamBroken() {
        return streamBroken;
    }

    private void broken(Broken broken) {
        streamBroken = true;
        brokenStreams++;
        if (firstBroken == null) {
            firstBroken = broken;
        }
    }

    Verification result() {
        return new Verification(firstBroken == null, checked, brokenStreams, firstBroken);
    }

    /** The first broken link: its stream, sequence, event (null for a missing one) and why. */
    public record Broken(String id, long sequence, String eventId, Code code, String reason) {
    }

    /** The outcome of a check: valid when no link is broken; how many events were checked. */
    public record Verification(boolean valid, long checked, long brokenStreams, Broken firstBroken) {
    }
}
