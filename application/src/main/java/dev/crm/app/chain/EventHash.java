package dev.crm.app.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash that chains a stored event to the previous event of the same stream (docs/auditing.md, "Hash chain"):
 * <pre>
 * hash(n) = SHA-256( hash(n-1) as 64 lowercase hex characters (64 zeros for sequence 0)
 *                    || field(aggregateidentifier) || field(sequencenumber as decimal digits) || field(type)
 *                    || field(eventidentifier) || field(payloadtype) || field(payloadrevision) || field(timestamp)
 *                    || field(canonical payload) || field(canonical metadata) )
 * field(x) = length of x's bytes as 4 bytes big-endian, then the bytes (text as UTF-8); a null x is the 4 bytes FF FF FF FF
 * </pre>
 * written as 64 lowercase hex digits into {@code domainevententry.hash}. Every value is the row's as stored (the
 * timestamp is the stored text; payload and metadata the stored bytes in {@link CanonicalJson}'s form), never a
 * re-serialization of the upcasted event, so an event of an old revision verifies as it was written.
 */
public final class EventHash {

    /** The "previous hash" of an event at sequence 0. */
    public static final String GENESIS = "0".repeat(64);

    /** An event row as stored. */
    public record Stored(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier,
                         String payloadType, String payloadRevision, String timestamp, byte[] payload,
                         byte[] metadata) {
    }

    private EventHash() {
    }

    /** The hash of {@code event} chained to {@code previous} (the hash of the stream's event before it, or GENESIS). */
    public static String of(String previous, Stored event) {
        MessageDigest sha = sha256();
        sha.update(previous.getBytes(StandardCharsets.US_ASCII));
        field(sha, text(event.aggregateIdentifier()));
        field(sha, text(Long.toString(event.sequenceNumber())));
        field(sha, text(event.type()));
        field(sha, text(event.eventIdentifier()));
        field(sha, text(event.payloadType()));
        field(sha, text(event.payloadRevision()));
        field(sha, text(event.timestamp()));
        field(sha, CanonicalJson.canonical(event.payload()));
        field(sha, CanonicalJson.canonical(event.metadata()));
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] text(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest sha, byte[] bytes) {
        int length = bytes == null ? -1 : bytes.length;
        sha.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        if (bytes != null) {
            sha.update(bytes);
        }
    }
}
