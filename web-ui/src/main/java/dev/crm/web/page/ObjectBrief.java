package dev.crm.web.page;

import dev.crm.query.object.ObjectSummary;
import io.swagger.v3.oas.annotations.media.Schema;

/** An object named in a list of several kinds (search, deletion preview, restore): its ID, kind and title. */
@Schema(name = "ObjectBrief", description = "An object of any kind, by ID, kind and title")
public record ObjectBrief(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                          @dev.crm.web.openapi.AnyKind @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title) {

    public static ObjectBrief of(ObjectSummary o) {
        return new ObjectBrief(o.id(), o.kind(), o.title());
    }
}
