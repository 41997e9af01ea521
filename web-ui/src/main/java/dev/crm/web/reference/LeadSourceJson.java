package dev.crm.web.reference;

import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A lead source in the API. */
@Schema(name = "LeadSource", description = "Where a request or lead came from")
record LeadSourceJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "lead_source") String kind,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                      @Schema(description = "The department's ID; null: every department") Long department,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static LeadSourceJson of(ReferenceView r) {
        return new LeadSourceJson(r.id(), ReferenceKind.LEAD_SOURCE.kind().name(), r.value(Fields.NAME.name()),
                ReferenceEndpoints.id(r.value(Fields.DEPARTMENT.name())), r.version(), r.createdAt(), r.updatedAt());
    }

    @Schema(name = "LeadSourceInput", description = "A lead source's fields; a create needs the name")
    record Input(String name, @Schema(nullable = true) Long department) {
    }
}
