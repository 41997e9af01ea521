package dev.crm.web.audit;

import dev.crm.command.Rejected;
import java.util.Locale;

/** The forms an export is written in: JSON Lines (one entry a line) or CSV (a header row, then one entry a row). */
enum AuditFormat {
    JSONL("application/x-ndjson", "jsonl"),
    CSV("text/csv;charset=UTF-8", "csv");

    final String contentType;
    final String extension;

    AuditFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The format named by the parameter; absent: {@code orElse}; another name: 400. */
    static AuditFormat of(String name, AuditFormat orElse) {
        if (name == null || name.isBlank()) {
            return orElse;
        }
        for (AuditFormat f : values()) {
            if (f.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new Rejected.Invalid("format", "validation.export.format");
    }
}
