package dev.crm.query.history;

import dev.crm.shared.FieldChange;
import java.time.Instant;
import java.util.List;

/** One event of an object's history; {@code sequence} is the object's version after the event. */
public record HistoryEntry(long sequence, Instant at, String user, String event, List<FieldChange> changes) {
}
