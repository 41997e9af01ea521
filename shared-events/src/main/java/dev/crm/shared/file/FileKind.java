package dev.crm.shared.file;

import dev.crm.shared.kind.Field;
import dev.crm.shared.kind.FieldType;
import dev.crm.shared.kind.Kind;

/** File objects: a reference to stored content, attached to another object, whose rights they follow. */
public final class FileKind {

    public static final String NAME = "file";
    /** The multipart part that carries an upload's content (API and pages). */
    public static final String UPLOAD_PART = "file";

    public static final Field FILE_NAME = Field.of("name", FieldType.NAME);
    public static final Field SIZE = Field.of("size", FieldType.NUMBER);
    public static final Field MEDIA_TYPE = Field.of("mediaType", FieldType.CHOICE);
    public static final Field SHA256 = Field.of("sha256", FieldType.CHOICE);
    public static final Field ATTACHED_TO = Field.of("attachedTo", FieldType.REFERENCE);

    public static final Kind KIND = Kind.named(NAME, "files").fields(FILE_NAME, SIZE, MEDIA_TYPE, SHA256, ATTACHED_TO)
            .follows("the object it is attached to").build();

    private FileKind() {
    }
}
