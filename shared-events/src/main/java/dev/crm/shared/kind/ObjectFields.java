package dev.crm.shared.kind;

import java.util.List;

/** The fields every object has, whatever its kind; a kind's declaration lists only its own. */
public final class ObjectFields {

    public static final Field ID = Field.of("id", FieldType.NUMBER);
    public static final Field KIND = Field.of("kind", FieldType.CHOICE);
    public static final Field VERSION = Field.of("version", FieldType.NUMBER);
    public static final Field STAGE = Field.of("stage", FieldType.CHOICE);
    public static final Field OWNER = Field.of("owner", FieldType.USER);
    public static final Field DEPARTMENT = Field.of("department", FieldType.REFERENCE);
    public static final Field CREATED_AT = Field.of("createdAt", FieldType.TIME);
    public static final Field UPDATED_AT = Field.of("updatedAt", FieldType.TIME);
    public static final Field DELETED = Field.of("deleted", FieldType.FLAG);
    /**
     * An object's e-mail address (a company's, contact's, lead's, request's), declared once here: its name is also the
     * name of the e-mail kind, which is written only in the kind model and the e-mail packages. Not in {@link #ALL}.
     */
    public static final Field EMAIL = Field.of("email", FieldType.EMAIL);

    public static final List<Field> ALL = List.of(ID, KIND, VERSION, STAGE, OWNER, DEPARTMENT, CREATED_AT, UPDATED_AT,
            DELETED);

    private ObjectFields() {
    }
}
