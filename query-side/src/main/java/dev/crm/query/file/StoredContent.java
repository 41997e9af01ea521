package dev.crm.query.file;

import java.time.Instant;
import java.util.List;

/** A stored content with its reference count and the live file objects that refer to it. */
public record StoredContent(String sha256, long size, long refCount, Instant zeroSince, List<FileView> files) {
}
