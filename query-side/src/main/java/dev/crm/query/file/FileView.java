package dev.crm.query.file;

import java.time.Instant;

public record FileView(long id, long attachedTo, String sha256, String name, long size, String mediaType,
                       String owner, boolean deleted, long version, Instant createdAt) {
}
