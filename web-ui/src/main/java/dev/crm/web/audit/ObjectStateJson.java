package dev.crm.web.audit;

import dev.crm.query.history.ObjectStates;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/** An object as it was at a moment (time travel). */
@Schema(name = "ObjectState", description = "An object as it was at a moment, or right after its n-th event, made "
        + "from its events")
record ObjectStateJson(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) long id,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = dev.crm.shared.task.TaskKind.NAME) String kind,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "The version it had then: the number of events up to that moment")
                       long version,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                               description = "The moment asked for (at), or the time of the event asked for (version)")
                       Instant at,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Whether it was deleted then")
                       boolean deleted,
                       @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Its fields then, named and "
                               + "typed as the kind's API answers them, with createdAt and updatedAt (the times of its "
                               + "first and last event up to then)")
                       Map<String, Object> fields) {

    static ObjectStateJson of(ObjectStates.State s) {
        return new ObjectStateJson(s.id(), s.kind(), s.version(), s.at(), s.deleted(), s.fields());
    }
}
