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
    /**
     * Several e-mail addresses (an e-mail's {@code to}, {@code cc}, {@code bcc}): each checked as {@link #EMAIL}, each
     * once (compared ignoring case), at most {@link Limits#ADDRESSES}. In the events one text, the addresses in the
     * order given joined by {@code ", "} (none: no value); the API takes and answers a JSON array of texts, a form one
     * line with commas.
     */
    EMAILS,
    /** A telephone number: digits, spaces, {@code + ( ) - . /}. */
    PHONE,
    /** A web address ({@code https://example.com}, or without the scheme). */
    URL,
    /**
     * Several objects of one kind, by ID (a request's products); the field is named by that kind's path
     * ({@link Field#refers()}). In the events (a {@code Map<String, String>} of fields, a {@code FieldChange}'s old
     * and new value) it is one canonical text, {@link Lines#encode}: the distinct IDs in ascending order, joined by
     * {@code ","} ({@code "12,14"}); none is no value (null). The API takes and answers a JSON array of IDs.
     */
    REFERENCES,
    /**
     * Lines of objects of one kind with a quantity (a deal's products), each object at most once; the field is named
     * by that kind's path ({@link Field#refers()}). In the events it is one canonical text, {@link Lines#encode}: each
     * line {@code <id>:<quantity>} (a whole number from 1 to {@link Limits#QUANTITY}), in ascending order of ID,
     * joined by {@code ","} ({@code "12:3,14:1"}); no line is no value (null). The API takes and answers a JSON array
     * of {@code { "<kind>": id, "quantity": n }} ({@code { "product": 12, "quantity": 3 }}).
     */
    LINES;

    /** Whether it holds several objects of another kind ({@link #REFERENCES} or {@link #LINES}). */
    public boolean listsObjects() {
        return this == REFERENCES || this == LINES;
    }
}
