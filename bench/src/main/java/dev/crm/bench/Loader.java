package dev.crm.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads many objects straight into the event store, in exactly the form the CRM writes: each row is a
 * copy of a row the CRM itself stored for a memo or a task created through the API, with a new object
 * ID, event identifier, title, author and time. The read models are then rebuilt by the CRM's own
 * rebuilder, so what the benchmark queries is what the service made of those events.
 */
final class Loader {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String[] WORDS = {"renewal", "invoice", "meeting", "contract", "offer", "delivery",
            "support", "training", "audit", "budget"};
    /** A word in the title of one memo and one task in ten (and in the description of one in ten more). */
    static final String COMMON_WORD = WORDS[3];
    /** A word in the title of one memo and one task in 10,000 (50 of each in 10^6 objects). */
    static final String RARE_WORD = "walrus";

    /** One stored event of the CRM, as read back from {@code domainevententry}. */
    record StoredEvent(String type, String payloadType, String payloadRevision, ObjectNode payload, ObjectNode metaData) {
    }

    static StoredEvent creationEvent(String dbUrl, long objectId) throws SQLException, IOException {
        try (Connection c = Pg.connect(dbUrl); PreparedStatement s = c.prepareStatement("""
                SELECT type, payloadtype, payloadrevision, payload, metadata FROM domainevententry
                WHERE aggregateidentifier = ? AND sequencenumber = 0""")) {
            s.setString(1, Long.toString(objectId));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no stored creation event for object " + objectId);
                }
                return new StoredEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                        (ObjectNode) Client.JSON.readTree(rs.getBytes(4)), (ObjectNode) Client.JSON.readTree(rs.getBytes(5)));
            }
        }
    }

    /**
     * Appends {@code count} new objects, alternately memos and tasks (copies of the two templates), with
     * authors from {@code users}; takes their IDs from the CRM's sequence. Returns the first new ID.
     */
    static long load(String dbUrl, StoredEvent memo, StoredEvent task, List<String> users, int count)
            throws SQLException, IOException {
        return load(dbUrl, memo, task, users, count, 0);
    }

    /**
     * The same, each description padded with {@code padding} more characters (at most the field's 10,000): a store
     * whose events are that much bigger (the audit export's test wants one clearly bigger than the heap).
     */
    static long load(String dbUrl, StoredEvent memo, StoredEvent task, List<String> users, int count, int padding)
            throws SQLException, IOException {
        String pad = padding == 0 ? "" : " " + "lorem ipsum, \"dolor\"\nsit amet ".repeat(padding / 30 + 1)
                .substring(0, padding - 1);
        try (Connection c = Pg.connect(dbUrl)) {
            long first;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('crm_object_id')")) {
                rs.next();
                first = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT setval('crm_object_id', " + (first + count) + ")");
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            Instant base = Instant.now().minusSeconds(count / 1000 + 1);
            ByteBuf line = new ByteBuf(1 << 20);
            for (int i = 0; i < count; i++) {
                long id = first + i;
                boolean isMemo = i % 2 == 0;
                StoredEvent template = isMemo ? memo : task;
                String author = users.get(i % users.size());
                String other = users.get((i / users.size() + i + 1) % users.size());
                // every word in one of ten memos' and one of ten tasks' titles, another in their descriptions
                int n = i / 2;
                String title = (isMemo ? "Memo " : "Task ") + id + " about the " + WORDS[n % WORDS.length]
                        + (n % 10_000 == 4_321 ? " and the " + RARE_WORD : "");
                String description = "Notes on the " + WORDS[(n + 5) % WORDS.length] + pad;
                ObjectNode payload = template.payload();
                if (isMemo) {
                    payload.put("memoId", id).put("title", title).put("description", description).put("author", author)
                            .put("to", other);
                } else {
                    payload.put("taskId", id).put("title", title).put("description", description).put("owner", author);
                    payload.putArray("responsible").add(other);
                }
                ObjectNode meta = template.metaData();
                meta.put("username", author);
                if (meta.has("traceId")) {
                    meta.put("traceId", UUID.randomUUID().toString());
                }
                if (meta.has("correlationId")) {
                    meta.put("correlationId", UUID.randomUUID().toString());
                }
                line(copy, line, id, template, meta, payload, base.plusMillis(i));
            }
            copy.writeToCopy(line.bytes, 0, line.size);
            copy.endCopy();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE domainevententry");
            }
            return first;
        }
    }

    /** The COPY statement {@link #line} writes for. */
    static final String COPY = """
            COPY domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
            payload, payloadrevision, payloadtype, timestamp) FROM STDIN WITH (FORMAT csv)""";

    /**
     * Adds the creation event of object {@code id} (the template's type, with this payload and metadata, at this
     * time) to the buffer, and sends the buffer when it is nearly full.
     */
    static void line(CopyIn copy, ByteBuf line, long id, StoredEvent template, ObjectNode meta, ObjectNode payload,
                     Instant at) throws SQLException, IOException {
        line.ascii(Long.toString(id)).ascii(",0,").ascii(template.type()).ascii(",")
                .ascii(UUID.randomUUID().toString()).ascii(",").hex(Client.JSON.writeValueAsBytes(meta))
                .ascii(",").hex(Client.JSON.writeValueAsBytes(payload)).ascii(",")
                .ascii(template.payloadRevision() == null ? "" : template.payloadRevision()).ascii(",")
                .ascii(template.payloadType()).ascii(",").ascii(at.toString()).ascii("\n");
        if (line.size > (1 << 20) - 8192) {
            copy.writeToCopy(line.bytes, 0, line.size);
            line.size = 0;
        }
    }

    /** A growable byte buffer for COPY lines; bytea goes as {@code \x<hex>}, which CSV leaves alone. */
    static final class ByteBuf {
        byte[] bytes;
        int size;

        ByteBuf(int capacity) {
            bytes = new byte[capacity];
        }

        ByteBuf ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) {
                bytes[size++] = (byte) s.charAt(i);
            }
            return this;
        }

        ByteBuf hex(byte[] value) {
            ensure(2 + value.length * 2);
            bytes[size++] = '\\';
            bytes[size++] = 'x';
            for (byte b : value) {
                bytes[size++] = HEX[(b >> 4) & 0xf];
                bytes[size++] = HEX[b & 0xf];
            }
            return this;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
