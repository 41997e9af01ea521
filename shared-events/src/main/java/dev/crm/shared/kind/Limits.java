package dev.crm.shared.kind;

/**
 * The size limits of fields, written once: the input rules refuse what exceeds them and the forms' {@code
 * maxlength} attributes come from them, so no limit is written twice.
 */
public final class Limits {

    /** A one-line name or title. */
    public static final int TITLE = 200;
    /** A short name: a person's display name, a department's name. */
    public static final int SHORT_NAME = 100;
    /** A username ({@code [a-z][a-z0-9._-]}, 2 to this many characters). */
    public static final int USERNAME = 40;
    /** An IANA time zone id (the longest is 32 characters). */
    public static final int ZONE = 64;
    /** A free text. */
    public static final int TEXT = 10_000;
    /** One tag; with {@link #TAGS} that bounds the total length of an object's tags. */
    public static final int TAG = 40;
    /** Tags on one object. */
    public static final int TAGS = 20;
    /** Users in one list (responsible users, subscribers). */
    public static final int USERS = 40;

    /** An e-mail address (RFC 5321's longest path). */
    public static final int EMAIL = 254;
    /** Addresses in one {@code FieldType.EMAILS} field (an e-mail's recipients). */
    public static final int ADDRESSES = 50;
    /** A telephone number. */
    public static final int PHONE = 40;
    /** A web address. */
    public static final int URL = 500;
    /**
     * Digits before the point of a number ({@code FieldType.NUMBER}): an amount's column is {@code NUMERIC(14,2)}, so
     * up to 999 999 999 999.99.
     */
    public static final int DIGITS = 12;

    /** Objects in one {@code FieldType.REFERENCES} field, lines in one {@code FieldType.LINES} field. */
    public static final int LINES = 50;
    /** Recipients of one kind in one campaign (its contacts, leads or companies). */
    public static final int RECIPIENTS = 1000;
    /** The largest quantity of one line ({@code FieldType.LINES}). */
    public static final int QUANTITY = 1_000_000;

    private Limits() {
    }
}
