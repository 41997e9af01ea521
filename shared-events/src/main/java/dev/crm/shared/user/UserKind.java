package dev.crm.shared.user;

import dev.crm.shared.kind.Limits;

import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;

/** Users: administrators only (every user reads their own profile through {@code /api/me}). */
public final class UserKind {

    public static final String NAME = "user";

    public static final Field USERNAME = Field.of("username", FieldType.NAME).max(Limits.USERNAME)
            .labelled("admin.user.field.username");
    public static final Field DISPLAY_NAME = Field.of("displayName", FieldType.NAME).max(Limits.SHORT_NAME)
            .labelled("field.user.displayName");
    public static final Field ROLES = Field.of("roles", FieldType.CHOICE).labelled("field.user.roles");
    public static final Field DEPARTMENTS = Field.of("departments", FieldType.REFERENCE)
            .labelled("field.user.departments");
    public static final Field ACTIVE = Field.of("active", FieldType.FLAG).labelled("field.user.active");

    public static final Field LANGUAGE = Field.of("language", FieldType.CHOICE).labelled("field.user.language");
    /** An IANA time zone id ({@code Europe/Berlin}). */
    public static final Field TIME_ZONE = Field.of("timeZone", FieldType.LINE).max(Limits.ZONE)
            .labelled("field.user.timeZone");

    /** The languages a user may choose, the first the default; each has its message bundle. */
    public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "de");

    public static final Kind KIND = Kind.named(NAME, "users").fields(DISPLAY_NAME, ROLES, DEPARTMENTS, ACTIVE, LANGUAGE, TIME_ZONE).build();

    private UserKind() {
    }
}
