package dev.crm.shared.kind;

import dev.crm.shared.FieldChange;

/**
 * One field of a kind, declared once in the kind's declaration: its name (as the API, the events' changes and
 * the history spell it), what it holds, and its size limit (0: none of its own). Aggregates name their
 * errors by it, events make their history entries with it ({@link #set}, {@link #change}), and the pages
 * take its label and {@code maxlength} from it.
 */
public record Field(String name, FieldType type, int max, String label) {

    public Field {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a field needs a name");
        }
        label = label == null ? "field." + name : label;
    }

    public static Field of(String name, FieldType type) {
        return new Field(name, type, switch (type) {
            case NAME -> Limits.TITLE;
            case TEXT -> Limits.TEXT;
            case TAGS -> Limits.TAGS;
            case USERS -> Limits.USERS;
            case LINE -> Limits.TITLE;
            case EMAIL -> Limits.EMAIL;
            case PHONE -> Limits.PHONE;
            case URL -> Limits.URL;
            default -> 0;
        }, null);
    }

    /** The same field, shown under another message key. */
    public Field labelled(String key) {
        return new Field(name, type, max, key);
    }

    /** The same field with another size limit. */
    public Field max(int limit) {
        return new Field(name, type, limit, label);
    }

    /** A history entry: the field got a value. */
    public FieldChange set(Object to) {
        return FieldChange.set(name, to);
    }

    /** A history entry: the field went from one value to another. */
    public FieldChange change(Object from, Object to) {
        return FieldChange.of(name, from, to);
    }

    public boolean is(String fieldName) {
        return name.equals(fieldName);
    }
}
