package dev.crm.web.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A deal stage in the API. */
@Schema(name = "Stage", description = "A deal stage: per department (null: every department that has none of its own), "
        + "ordered by index; one default (a new deal's) and at most one success stage per department")
record StageJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "stage") String kind,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                 @Schema(description = "The department's ID; null: the stages of every department without its own")
                 Long department,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long index,
                 @JsonProperty("default") @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean isDefault,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean success,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static StageJson of(ReferenceView r) {
        return new StageJson(r.id(), ReferenceKind.STAGE.kind().name(), r.value(Fields.NAME.name()),
                ReferenceEndpoints.id(r.value(Fields.DEPARTMENT.name())), Long.parseLong(r.value(Fields.INDEX.name())),
                r.flag(Fields.DEFAULT.name()), r.flag(Fields.SUCCESS.name()), r.version(), r.createdAt(), r.updatedAt());
    }

    @Schema(name = "StageInput", description = "A stage's fields; a create needs name and department (null: every "
            + "department); default and success: true takes the mark from the department's other stage")
    record Input(String name, @Schema(nullable = true) Long department, Long index,
                 @JsonProperty("default") Boolean isDefault, Boolean success) {
    }
}
