package dev.crm.web.department;

import dev.crm.query.department.DepartmentView;
import dev.crm.shared.department.DepartmentKind;
import dev.crm.web.openapi.Versioned;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A department in the API. */
@Schema(name = "Department", description = "A department; users belong to one or more")
record DepartmentJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "department") String kind,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                      @Schema(description = "The head's username, a member") String head,
                      @Schema(description = "An IANA id (Europe/Berlin): reports cut days and months in it; null: "
                              + "the server's default") String timeZone,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long version,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant createdAt,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant updatedAt) implements Versioned {

    static DepartmentJson of(DepartmentView d) {
        return new DepartmentJson(d.id(), DepartmentKind.NAME, d.name(), d.head(), d.timeZone(), d.version(), d.createdAt(),
                d.updatedAt());
    }

    @Schema(name = "DepartmentInput", description = "A new department's name, unique in any case")
    record New(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @Schema(name = "DepartmentChange", description = "A new name, and/or the head (a member; null: none), and/or the "
            + "time zone (an IANA id; null: the server's default)")
    record Change(String name, @Schema(nullable = true) String head, @Schema(nullable = true) String timeZone) {
    }
}
