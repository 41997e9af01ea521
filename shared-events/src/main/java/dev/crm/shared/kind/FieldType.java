package dev.crm.shared.kind;

/** What a field holds; it decides the field's input rules, how a form shows it and how history prints it. */
public enum FieldType {
    /** A required one-line name or title. */
    NAME,
    /** A free text with line breaks. */
    TEXT,
    /** A calendar date, {@code yyyy-MM-dd}. */
    DATE,
    /** One of a fixed set of values (a stage, a priority). */
    CHOICE,
    /** One user, by username. */
    USER,
    /** Several users, by username. */
    USERS,
    /** Short labels. */
    TAGS,
    /** Another object, by its ID. */
    REFERENCE,
    /** Yes or no. */
    FLAG,
    /** A number. */
    NUMBER,
    /** A moment, set by the system. */
    TIME,
    /** An optional one-line text (a city, a job title). */
    LINE,
    /** An e-mail address ({@code name@example.com}). */
    EMAIL,
    /** A telephone number: digits, spaces, {@code + ( ) - . /}. */
    PHONE,
    /** A web address ({@code https://example.com}, or without the scheme). */
    URL
}
