package dev.crm.shared;

/** One field of an object going from one value to another, as history shows it; null means "no value". */
public record FieldChange(String field, String from, String to) {

    public static FieldChange set(String field, Object to) {
        return new FieldChange(field, null, to == null ? null : String.valueOf(to));
    }

    public static FieldChange of(String field, Object from, Object to) {
        return new FieldChange(field, from == null ? null : String.valueOf(from), to == null ? null : String.valueOf(to));
    }
}
