package dev.crm.query.history;

import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.kind.Lines;
import dev.crm.shared.kind.ObjectFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Time travel: an object as it was at a moment, or right after its n-th event, made from its own events alone — for
 * every kind the same way. Each event's {@link FieldChange changes} (what history shows) set fields to their new
 * values; folding them up to the moment gives the fields then. The values are typed as the API answers them, by the
 * field's declaration ({@link Kind#field}): a flag a boolean, a number a number, a reference an ID, users, tags and
 * addresses a list of texts, references a list of IDs, lines a list of {@code {"<kind>": id, "quantity": n}}.
 *
 * <p>The events read are those {@link HistoryReader#ownHistory} gives the reader: who may not read a memo's draft
 * part sees it from the event that sent it (an earlier moment is before the object existed, for them). Callers check
 * who may see the object at all ({@code ObjectAccess}).
 */
@Component
public class ObjectStates {

    /**
     * The object's fields at a moment; {@code at} is the moment asked for, or the time of the event asked for.
     * {@code fields} are typed as the API answers them; {@code texts} are the same fields' values as the events
     * carry them (what history prints), without createdAt and updatedAt.
     */
    public record State(long id, String kind, long version, Instant at, boolean deleted, Map<String, Object> fields,
                        Map<String, String> texts) {
    }

    private final HistoryReader history;

    public ObjectStates(HistoryReader history) {
        this.history = history;
    }

    /** The object right after its last event at or before {@code at}; empty when it did not exist yet then. */
    public Optional<State> at(long id, String kind, Instant at, Actor actor) {
        List<HistoryEntry> entries = history.ownHistory(id, actor);
        List<HistoryEntry> until = entries.stream().filter(e -> !e.at().isAfter(at)).toList();
        return until.isEmpty() ? Optional.empty() : Optional.of(fold(id, kind, until, at, created(id, entries)));
    }

    /** The object right after its event number {@code version} (1: its creation); empty beyond its last one. */
    public Optional<State> version(long id, String kind, long version, Actor actor) {
        List<HistoryEntry> entries = history.ownHistory(id, actor);
        if (entries.isEmpty() || version < entries.get(0).sequence()
                || version > entries.get(entries.size() - 1).sequence()) {
            return Optional.empty();
        }
        List<HistoryEntry> until = entries.stream().filter(e -> e.sequence() <= version).toList();
        return Optional.of(fold(id, kind, until, until.get(until.size() - 1).at(), created(id, entries)));
    }

    /**
     * The state right after its event number {@code version}, its state after its last event (now), and the versions
     * before and after it the reader may see (null at either end): what the history page shows. Empty when the
     * reader may see no such version.
     */
    public Optional<Around> around(long id, String kind, long version, Actor actor) {
        List<HistoryEntry> entries = history.ownHistory(id, actor);
        int index = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).sequence() == version) {
                index = i;
            }
        }
        if (index < 0) {
            return Optional.empty();
        }
        List<HistoryEntry> until = entries.subList(0, index + 1);
        Instant created = created(id, entries);
        State then = fold(id, kind, until, until.get(index).at(), created);
        State now = fold(id, kind, entries, entries.get(entries.size() - 1).at(), created);
        Long previous = index == 0 ? null : entries.get(index - 1).sequence();
        Long next = index == entries.size() - 1 ? null : entries.get(index + 1).sequence();
        return Optional.of(new Around(then, now, previous, next));
    }

    /** The time of the object's first event, though the reader's entries may start later (a memo's draft part). */
    private Instant created(long id, List<HistoryEntry> visible) {
        if (visible.isEmpty() || visible.get(0).sequence() == 1) {
            return visible.isEmpty() ? null : visible.get(0).at();
        }
        return history.ownHistory(id, null).get(0).at();
    }

    /** A state, the state now, and the neighbouring versions (null: none). */
    public record Around(State then, State now, Long previous, Long next) {
    }

    /**
     * The state after the entries, which start with the first the reader may see; {@code created} is the time of
     * the object's first event (a memo's creation as a draft for who reads it from its sending: the API shows them
     * that time too).
     */
    static State fold(long id, String kindName, List<HistoryEntry> entries, Instant at, Instant created) {
        Kind kind = Kinds.named(kindName).orElse(null);
        Map<String, String> values = new LinkedHashMap<>();
        if (kind != null) {
            // every declared field, and the owner and department every object has, even before they get a value
            kind.fields().forEach(f -> values.put(f.name(), null));
            values.put(ObjectFields.OWNER.name(), null);
            values.put(ObjectFields.DEPARTMENT.name(), null);
        }
        boolean deleted = false;
        for (HistoryEntry entry : entries) {
            for (FieldChange change : entry.changes()) {
                if (ObjectFields.DELETED.is(change.field())) {
                    deleted = Boolean.parseBoolean(change.to());
                } else {
                    values.put(change.field(), change.to());
                }
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        values.forEach((name, value) -> fields.put(name, typed(kind, name, value)));
        fields.put(ObjectFields.CREATED_AT.name(), created);
        fields.put(ObjectFields.UPDATED_AT.name(), entries.get(entries.size() - 1).at());
        return new State(id, kindName, entries.get(entries.size() - 1).sequence(), at, deleted, fields,
                java.util.Collections.unmodifiableMap(values));
    }

    /** A value as the API answers it, by its field's type; a field the kind does not declare stays a text. */
    static Object typed(Kind kind, String name, String value) {
        Optional<Field> declared = kind == null ? ObjectFields.ALL.stream().filter(f -> f.is(name)).findFirst()
                : kind.field(name);
        if (declared.isEmpty()) {
            return value;
        }
        Field field = declared.get();
        FieldType type = field.type();
        if (value == null) {
            return switch (type) {
                case USERS, TAGS, EMAILS, REFERENCES, LINES -> List.of();
                default -> null;
            };
        }
        try {
            return typedValue(field, value);
        } catch (RuntimeException notOfItsType) {
            // a value stored before its field had this type: shown as the text it is
            return value;
        }
    }

    private static Object typedValue(Field field, String value) {
        return switch (field.type()) {
            case FLAG -> Boolean.parseBoolean(value);
            case NUMBER -> new BigDecimal(value);
            case REFERENCE -> Long.valueOf(value);
            // as the read models keep a moment, and as the events' own times are: to the millisecond
            case TIME -> Instant.parse(value).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            case USERS, TAGS, EMAILS -> value.isBlank() ? List.of()
                    : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            case REFERENCES -> Lines.decode(value).stream().map(Lines.Line::id).toList();
            case LINES -> Lines.decode(value).stream().map(l -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put(field.refers().name(), l.id());
                line.put("quantity", l.quantity());
                return line;
            }).toList();
            default -> value;
        };
    }
}
