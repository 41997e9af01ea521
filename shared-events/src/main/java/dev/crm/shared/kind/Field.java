package dev.crm.shared.kind;

import dev.crm.shared.ApiNamed;
import dev.crm.shared.FieldChange;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * One field of a kind, declared once in the kind's declaration: its name (as the API, the events' changes and
 * the history spell it), what it holds, and its size limit (0: none of its own). Aggregates name their
 * errors by it, events make their history entries with it ({@link #set}, {@link #change}), and the pages
 * take its label and {@code maxlength} from it.
 *
 * <p>What the input rules need beyond its type: {@code choices}, the values a {@link FieldType#CHOICE} takes (API
 * names, as the events of a kind of fields by name carry them; empty for other types); {@code decimals}, the most
 * digits after the point a {@link FieldType#NUMBER} takes (-1: any); {@code min}, its smallest value (null: none),
 * and {@code max} its largest (0: none; {@code .min(0).max(100)} for a percentage);
 * {@code initial}, the value a new object gets when it is not given (null: none), which the field then always has.
 *
 * <p>A field of several objects ({@link FieldType#REFERENCES}, {@link FieldType#LINES}) is named by the path of the
 * kind of its objects ({@code Field.of(ProductKind.KIND.path(), FieldType.LINES)} is {@code products}), its {@code max}
 * the most objects or lines it takes; its value in the events is the canonical text of {@link Lines}.
 */
public record Field(String name, FieldType type, int max, String label, Trait trait, List<String> choices,
                    int decimals, BigDecimal min, String initial) {

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

    public Field(String name, FieldType type, int max, String label, Trait trait) {
        this(name, type, max, label, trait, List.of(), -1, null, null);
    }

    public Field {
        trait = trait == null ? Trait.NONE : trait;
        choices = choices == null ? List.of() : List.copyOf(choices);
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
            case EMAILS -> Limits.ADDRESSES;
            case PHONE -> Limits.PHONE;
            case URL -> Limits.URL;
            case REFERENCES, LINES -> Limits.LINES;
            default -> 0;
        }, null);
    }

    /** The same field, shown under another message key. */
    public Field labelled(String key) {
        return new Field(name, type, max, key, trait, choices, decimals, min, initial);
    }

    /** The same field with another size limit. */
    public Field max(int limit) {
        return new Field(name, type, limit, label, trait, choices, decimals, min, initial);
    }

    /** The same field, looked in by text searches ({@link Trait#SEARCHED}). */
    public Field searched() {
        return new Field(name, type, max, label, Trait.SEARCHED, choices, decimals, min, initial);
    }

    /**
     * The same choice, taking the API names of the enum's constants ({@code .choices(ProductType.class)}); its
     * values are those names, and the pages label each by the message {@code <kind>.<field>.<value>}.
     */
    public Field choices(Class<? extends ApiNamed> values) {
        if (type != FieldType.CHOICE || values.getEnumConstants() == null) {
            throw new IllegalArgumentException("only a choice takes the constants of an enum: " + name);
        }
        return new Field(name, type, max, label, trait,
                Arrays.stream(values.getEnumConstants()).map(ApiNamed::apiName).toList(), decimals, min, initial);
    }

    /** The same number, with at most this many digits after the point. */
    public Field decimals(int digits) {
        if (type != FieldType.NUMBER || digits < 0) {
            throw new IllegalArgumentException("only a number has decimals: " + name);
        }
        return new Field(name, type, max, label, trait, choices, digits, min, initial);
    }

    /** The same number, at least {@code least}. */
    public Field min(long least) {
        if (type != FieldType.NUMBER) {
            throw new IllegalArgumentException("only a number has a minimum: " + name);
        }
        return new Field(name, type, max, label, trait, choices, decimals, BigDecimal.valueOf(least), initial);
    }

    /**
     * The same field, with the value a new object gets when it is not given ({@code "true"} for a flag, a choice's
     * value); the field then always has a value: null or blank is refused as missing.
     */
    public Field initially(String value) {
        return new Field(name, type, max, label, trait, choices, decimals, min, value);
    }

    /** The same reference, to the object that holds this one ({@link Trait#HOLDER}). */
    public Field holder() {
        if (type != FieldType.REFERENCE) {
            throw new IllegalArgumentException("only a reference names a holder: " + name);
        }
        return new Field(name, type, max, label, Trait.HOLDER, choices, decimals, min, initial);
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

    /**
     * The kind of the objects a field of several objects ({@link FieldType#listsObjects()}) names: the kind whose path
     * is its name.
     */
    public Kind refers() {
        if (!type.listsObjects()) {
            throw new IllegalStateException("not a field of several objects: " + name);
        }
        return Kinds.byPath(name).orElseThrow(() -> new IllegalStateException("no kind at the path " + name));
    }

    public boolean is(String fieldName) {
        return name.equals(fieldName);
    }
}
