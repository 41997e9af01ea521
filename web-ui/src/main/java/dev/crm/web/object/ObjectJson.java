package dev.crm.web.object;

import dev.crm.app.object.ObjectLinks;
import dev.crm.query.object.ObjectSummary;
import dev.crm.web.openapi.Versioned;
import dev.crm.web.page.ObjectBrief;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Any object by its ID, whatever its kind. */
@Schema(name = "ObjectSummary", description = "Any object by its ID: its kind, title, version, and whether it is deleted")
record ObjectJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                  @dev.crm.web.openapi.AnyKind @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String kind,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String title,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean deleted,
                  @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "How many events it has had")
                  long version) implements Versioned {

    static ObjectJson of(ObjectSummary o) {
        return new ObjectJson(o.id(), o.kind(), o.title(), o.deleted(), o.version());
    }

    @Schema(name = "ObjectLinks", description = "The objects that belong to this one (parts) and that it belongs to")
    record Links(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObjectLinks.Linked> parts,
                 @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObjectLinks.Linked> partOf) {
    }

    @Schema(name = "Restored", description = "What a restore brought back, and the file objects it could not "
            + "(their stored content was purged)")
    record Restored(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObjectBrief> restored,
                    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObjectBrief> missingContent) {
    }

    @Schema(name = "SearchResult", description = "What a search found, by kind and title")
    record Found(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ObjectBrief> items) {
    }
}
