package dev.crm.query.object;

import java.time.Instant;

/** Any object, whatever its kind, as the object index knows it. */
public record ObjectSummary(long id, String kind, String title, String owner, boolean deleted, long version,
                            Instant createdAt, Instant updatedAt, Instant deletedAt, String deletedBy) {
}
