package dev.crm.shared.kind;

import dev.crm.shared.FieldChange;

/**
 * One field of a kind, declared once in the kind's declaration: its name (as the API, the events' changes and
 * the history spell it), what it holds, and its size limit (0: none of its own). Aggregates name their
 * errors by it, events make their history entries with it ({@link #set}, {@link #change}), and the pages
 * take its label and {@code maxlength} from it.
 */
public record Field(String name, FieldType type, int max, String label, Trait trait) {

    /**
     * What else a field is: {@code SEARCHED}, a line the search bar and the list's text filter look in (names,
     * e-mails and phones always are); {@code HOLDER}, the reference to the object that holds this one (a contact's
     * company): the object is a part of its holder (deleted and restored with it), takes its owner and department
     * and follows its transfers; {@code PART}, a reference to an object this one is a part of without sharing its
     * owner (a deal of a company): deleted with it, restored only after it, moved when the reference changes.
     */
    public enum Trait { NONE, SEARCHED, HOLDER, PART }

    public Field(String name, FieldType type, int max, String label) {
        this(name, type, max, label, Trait.NONE);
    }

    public Field {
        trait = trait == null ? Trait.NONE : trait;
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
        return new Field(name, type, max, key, trait);
    }

    /** The same field with another size limit. */
    public Field max(int limit) {
        return new Field(name, type, limit, label, trait);
    }

    /** The same field, looked in by text searches ({@link Trait#SEARCHED}). */
    public Field searched() {
        return new Field(name, type, max, label, Trait.SEARCHED);
    }

    /** The same reference, to the object that holds this one ({@link Trait#HOLDER}). */
    public Field holder() {
        if (type != FieldType.REFERENCE) {
            throw new IllegalArgumentException("only a reference names a holder: " + name);
        }
        return new Field(name, type, max, label, Trait.HOLDER);
    }

    /** The same reference, to an object this one is a part of ({@link Trait#PART}). */
    public Field partOf() {
        if (type != FieldType.REFERENCE) {
            throw new IllegalArgumentException("only a reference names what it is a part of: " + name);
        }
        return new Field(name, type, max, label, Trait.PART);
    }

    /** Whether this one is deleted with the object this reference names ({@link Trait#HOLDER} or {@link Trait#PART}). */
    public boolean linksAPart() {
        return trait == Trait.HOLDER || trait == Trait.PART;
    }

    /** Whether text searches look in it: names, e-mails, phones, and fields declared {@link #searched()}. */
    public boolean isSearched() {
        return trait == Trait.SEARCHED || type == FieldType.NAME || type == FieldType.EMAIL
                || type == FieldType.PHONE;
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
