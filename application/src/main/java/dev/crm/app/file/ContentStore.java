package dev.crm.app.file;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Where file contents live, addressed by their SHA-256. The domain only ever sees hashes; another store
 * (S3-compatible object storage, say) is another implementation of this interface.
 */
public interface ContentStore {

    /** The result of storing: the content's hash and size. */
    public record Stored(String sha256, long size) {
    }

    /** A content in the store, with when it was last written or re-uploaded. */
    public record Entry(String sha256, Instant touchedAt) {
    }

    /**
     * Stores the stream's bytes, at most {@code maxBytes}; atomically: a failed or oversized upload leaves
     * nothing behind. Storing content that is there already keeps one copy and renews its timestamp.
     */
    public Stored put(InputStream content, long maxBytes) throws IOException;

    public boolean exists(String sha256);

    public InputStream open(String sha256) throws IOException;

    /** Deletes the content if present. */
    public void delete(String sha256) throws IOException;

    public List<Entry> list() throws IOException;

    /** Thrown by {@link #put} when the content is larger than allowed. */
    public class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("content larger than " + maxBytes + " bytes");
        }
    }
}
