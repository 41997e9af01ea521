package dev.crm.web.chain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crm.app.chain.ChainCheck;
import dev.crm.app.chain.Checkpoints;
import java.time.Instant;

/** The JSON of hash-chain checks and checkpoints (api.md, "For auditors and administrators"; docs/auditing.md). */
final class ChainJson {

    private ChainJson() {
    }

    /** One object's check: {@code firstBroken} only when not valid. */
    record ObjectVerification(boolean valid, long checked,
                              @JsonInclude(JsonInclude.Include.NON_NULL) ObjectBroken firstBroken) {
        static ObjectVerification of(ChainCheck.Verification v) {
            ChainCheck.Broken b = v.firstBroken();
            return new ObjectVerification(v.valid(), v.checked(), b == null ? null
                    : new ObjectBroken(b.sequence(), b.eventId(), b.reason(), code(b)));
        }
    }

    record ObjectBroken(long sequence, String eventId, String reason, String code) {
    }

    /** The store-wide check's last line. */
    record StoreVerification(boolean valid, long checked, long brokenStreams,
                             @JsonInclude(JsonInclude.Include.NON_NULL) StoreBroken firstBroken) {
        static StoreVerification of(ChainCheck.Verification v) {
            ChainCheck.Broken b = v.firstBroken();
            return new StoreVerification(v.valid(), v.checked(), v.brokenStreams(), b == null ? null
                    : new StoreBroken(id(b.id()), b.sequence(), b.eventId(), b.reason(), code(b)));
        }
    }

    /** {@code id}: the object's ID (a number), or the stream's identifier where it is not an object's (a user's). */
    record StoreBroken(Object id, long sequence, String eventId, String reason, String code) {
    }

    /** A progress line of the store-wide check. */
    record Progress(long checked, long total) {
    }

    record Checkpoint(long position, String hash, Instant at, long events, String madeBy) {
        static Checkpoint of(Checkpoints.Checkpoint c) {
            return new Checkpoint(c.position(), c.hash(), c.at(), c.events(), c.madeBy());
        }
    }

    record CheckpointVerification(long position, boolean valid, String hash, String recomputed, long events) {
        static CheckpointVerification of(Checkpoints.Recheck r) {
            return new CheckpointVerification(r.checkpoint().position(), r.valid(), r.checkpoint().hash(),
                    r.recomputed(), r.events());
        }
    }

    static Object id(String stream) {
        return stream.matches("[0-9]{1,18}") ? (Object) Long.parseLong(stream) : stream;
    }

    static String code(ChainCheck.Broken b) {
        return b.code().name().toLowerCase(java.util.Locale.ROOT);
    }
}
