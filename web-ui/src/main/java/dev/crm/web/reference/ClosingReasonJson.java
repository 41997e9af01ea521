package dev.crm.web.reference;

import dev.crm.query.reference.ReferenceView;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Fields;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A closing reason in the API. */
@Schema(name = "ClosingReason", description = "Why a deal was closed; success: the deal was won")
record ClosingReasonJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "closing_reason") String kind,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long index,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean success,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static ClosingReasonJson of(ReferenceView r) {
        return new ClosingReasonJson(r.id(), ReferenceKind.CLOSING_REASON.kind().name(), r.value(Fields.NAME.name()),
                Long.parseLong(r.value(Fields.INDEX.name())), r.flag(Fields.SUCCESS.name()), r.version(), r.createdAt(),
                r.updatedAt());
    }

    @Schema(name = "ClosingReasonInput", description = "A closing reason's fields; a create needs the name")
    record Input(String name, Long index, Boolean success) {
    }
}
