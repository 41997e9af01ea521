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

    public static final List<Field> ALL = List.of(ID, KIND, VERSION, STAGE, OWNER, DEPARTMENT, CREATED_AT, UPDATED_AT,
            DELETED);

    private ObjectFields() {
    }
}
