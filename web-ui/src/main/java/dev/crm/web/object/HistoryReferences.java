package dev.crm.web.object;

import dev.crm.app.object.ObjectAccess;
import dev.crm.query.history.HistoryEntry;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The titles of the objects a history's changes refer to (a deal's stage, its closing reason, its company), so that
 * the history page prints "Offer" rather than an ID: by the value as history carries it, for the objects the reader
 * may see. An object the reader may not see keeps its bare ID (which the history already showed): nothing is learnt.
 * At most {@link #LIMIT} distinct objects are looked up per page; the rest print as IDs.
 */
@Component
class HistoryReferences {

    static final int LIMIT = 200;

    private final ObjectAccess access;

    HistoryReferences(ObjectAccess access) {
        this.access = access;
    }

    /** Title by ID (both as the history's strings) of the referenced objects the actor may see. */
    Map<String, String> titles(Iterable<HistoryEntry> entries, Kind kind, Actor actor) {
        if (kind == null) {
            return Map.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (HistoryEntry entry : entries) {
            for (FieldChange change : entry.changes()) {
                boolean reference = kind.field(change.field()).map(f -> f.type() == FieldType.REFERENCE)
                        .orElse(false);
                if (reference) {
                    Stream.of(change.from(), change.to()).filter(v -> v != null && v.matches("\\d{1,18}"))
                            .forEach(ids::add);
                }
            }
        }
        Map<String, String> titles = new LinkedHashMap<>();
        ids.stream().limit(LIMIT).forEach(id -> access.findVisible(Long.parseLong(id), actor)
                .ifPresent(o -> titles.put(id, o.title())));
        return titles;
    }
}
