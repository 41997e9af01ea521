package dev.crm.web.audit;

import dev.crm.app.object.ObjectAccess;
import dev.crm.command.Rejected;
import dev.crm.query.history.HistoryExport;
import dev.crm.query.history.ObjectStates;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kind;
import dev.crm.shared.kind.Kinds;
import dev.crm.web.openapi.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** For auditors: any object as it was at a moment (time travel), and the store's history as a download. */
@RestController
@Tag(name = "audit", description = "Time travel and exports for auditors")
class AuditApiController {

    private final ObjectAccess access;
    private final ObjectStates states;
    private final HistoryExport export;
    private final AuditExportWriter writer;
    private final Clock clock;

    AuditApiController(ObjectAccess access, ObjectStates states, HistoryExport export, AuditExportWriter writer,
                       Clock clock) {
        this.access = access;
        this.states = states;
        this.export = export;
        this.writer = writer;
        this.clock = clock;
    }

    @GetMapping("/api/objects/{id}/state")
    @Operation(operationId = "getObjectState", summary = "The object as it was at a moment (at) or right after its "
            + "n-th event (version), made from its events; exactly one of the two. The same view rules as its history "
            + "(a deleted object: admins only; a memo's draft part only for its author and admins). A moment before "
            + "the object existed, or a version beyond its last: 404")
    ObjectStateJson state(Actor actor, @PathVariable long id,
                          @Parameter(description = "An ISO-8601 moment, 2026-12-01T10:15:30Z or with an offset")
                          @RequestParam(required = false) String at,
                          @Parameter(description = "A version from 1 (its creation)")
                          @RequestParam(required = false) Long version) {
        if ((at == null) == (version == null)) {
            throw new Rejected.Invalid("at", "validation.state.one");
        }
        if (version != null && version < 1) {
            throw new Rejected.Invalid("version", "validation.state.version");
        }
        Instant moment = at == null ? null : moment("at", at);
        ObjectSummary object = visible(actor, id);
        Optional<ObjectStates.State> state = version != null
                ? states.version(id, object.kind(), version, actor)
                : states.at(id, object.kind(), moment, actor);
        return ObjectStateJson.of(state.orElseThrow(() -> new Rejected.NotFound("error.state.none", id)));
    }

    @GetMapping("/api/admin/export")
    @Operation(operationId = "exportHistory", summary = "(admin) Every history entry of the store in a time range "
            + "(from inclusive, to exclusive; either may be left out), of one kind when given, in store order, "
            + "streamed as JSON Lines or CSV: id, kind, sequence, at, user, event, changes, hash")
    @ApiResponse(responseCode = "200", description = "A download: one entry a line (JSON Lines), or CSV with a header "
            + "row and the changes as a JSON array in one cell", content = {
            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @AdminOnly
    ResponseEntity<StreamingResponseBody> exportAll(
            Actor actor,
            @Parameter(description = "ISO-8601 moment, inclusive") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 moment, exclusive") @RequestParam(required = false) String to,
            @Parameter(description = "Only objects of this kind") @RequestParam(required = false) String kind,
            @Parameter(schema = @Schema(allowableValues = {"jsonl", "csv"}, defaultValue = "jsonl"))
            @RequestParam(required = false) String format) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
        AuditFormat chosen = AuditFormat.of(format, AuditFormat.JSONL);
        Instant start = from == null ? null : moment("from", from);
        Instant end = to == null ? null : moment("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new Rejected.Invalid("to", "validation.export.range");
        }
        String kindName = kind == null || kind.isBlank() ? null
                : Kinds.named(kind.strip()).map(Kind::name)
                .orElseThrow(() -> new Rejected.Invalid("kind", "validation.export.kind"));
        String name = "history" + (kindName == null ? "" : "-" + kindName) + "-" + Instant.now(clock)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace(":", "");
        return writer.download(name, chosen, sink -> export.forEach(start, end, kindName, sink));
    }

    private static Instant moment(String parameter, String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new Rejected.Invalid(parameter, "validation.state.at");
        }
    }

    private ObjectSummary visible(Actor actor, long id) {
        return access.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }
}
