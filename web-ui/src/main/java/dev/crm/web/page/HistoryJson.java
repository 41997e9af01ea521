package dev.crm.web.page;

import dev.crm.query.history.HistoryEntry;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An object's (or a user's) history, oldest first. */
@Schema(name = "History", description = "The history from the event stream, oldest first")
public record HistoryJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<HistoryEntry> entries) {
}
