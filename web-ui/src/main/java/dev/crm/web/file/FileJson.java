package dev.crm.web.file;

import dev.crm.query.file.FileView;
import dev.crm.shared.file.FileKind;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** A file object in the API: a reference from an object to stored content. */
@Schema(name = "File", description = "A file object: a reference from one object to stored content")
record FileJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "file") String kind,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Bytes") long size,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String mediaType,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Of the content, hex") String sha256,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The object it is attached to")
                long attachedTo,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String owner,
                @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt) implements Versioned {

    static FileJson of(FileView f) {
        return new FileJson(f.id(), FileKind.NAME, f.version(), f.name(), f.size(), f.mediaType(), f.sha256(),
                f.attachedTo(), f.owner(), f.createdAt());
    }

    /** The upload's form: the file and the object to attach it to. */
    @Schema(name = "FileUpload")
    record Upload(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", format = "binary") String file,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The object's ID") long attachTo) {
    }

    /** Stored content with the file objects that refer to it. */
    @Schema(name = "StoredContent", description = "Stored content, its reference count and the file objects referring to it")
    record Content(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String sha256,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long size,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long refCount,
                   @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<FileJson> files) {
    }
}
