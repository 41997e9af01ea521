package dev.crm.web.object;

import dev.crm.app.object.ObjectSearch;
import dev.crm.app.object.RestoreService;

import dev.crm.command.Rejected;
import dev.crm.query.history.HistoryReader;
import dev.crm.app.object.ObjectLinks;
import dev.crm.app.object.ObjectAccess;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.crm.web.page.HistoryJson;
import dev.crm.web.page.ObjectBrief;
import dev.crm.web.problem.IfMatch;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "objects", description = "Any object by its ID, its history, and search")
class ObjectApiController {

    private final ObjectAccess access;
    private final HistoryReader history;
    private final ObjectSearch search;
    private final ObjectLinks links;

    private final RestoreService restore;
    private final dev.crm.web.audit.AuditExportWriter downloads;

    ObjectApiController(ObjectAccess access, HistoryReader history, ObjectSearch search, ObjectLinks links,
                        RestoreService restore, dev.crm.web.audit.AuditExportWriter downloads) {
        this.downloads = downloads;
        this.restore = restore;
        this.access = access;
        this.history = history;
        this.search = search;
        this.links = links;
    }

    @GetMapping("/api/objects/{id}")
    @Operation(operationId = "getObject", summary = "Any object by its ID: kind, title, deleted; ETag: its version")
    ResponseEntity<ObjectJson> object(Actor actor, @PathVariable long id) {
        ObjectSummary o = visible(actor, id);
        return ResponseEntity.ok().eTag("\"" + o.version() + "\"").body(ObjectJson.of(o));
    }

    @GetMapping("/api/objects/{id}/history")
    @Operation(operationId = "getObjectHistory", summary = "The object's history from its event stream, oldest first; deleted objects: admins only; "
            + "a memo written as a draft: from the moment it was sent, except for its author and admins. With format "
            + "(jsonl or csv): the same entries as a download, each with id, kind, sequence, at, user, event, changes "
            + "and the stored hash of the object's own events")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "The history; a download "
            + "with format", content = {
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = HistoryJson.class)),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/x-ndjson",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string")),
            @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string"))})
    @io.swagger.v3.oas.annotations.Parameter(name = "format", in = io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY,
            description = "jsonl or csv: the history as a download", schema = @io.swagger.v3.oas.annotations.media.Schema(
            type = "string", allowableValues = {"jsonl", "csv"}))
    HistoryJson history(Actor actor, @PathVariable long id) {
        visible(actor, id);
        return new HistoryJson(history.history(id, actor).entries());
    }

    /** The same history as a download (the operation above describes it: its format parameter). */
    @GetMapping(path = "/api/objects/{id}/history", params = "format")
    @io.swagger.v3.oas.annotations.Hidden
    ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> historyDownload(
            Actor actor, @PathVariable long id, @RequestParam String format) {
        return downloads.objectHistory(visible(actor, id), actor, format);
    }

    @GetMapping("/api/objects/{id}/links")
    @Operation(operationId = "getObjectLinks", summary = "The objects that belong to this one (parts) and that it belongs to (partOf)")
    ObjectJson.Links links(Actor actor, @PathVariable long id) {
        ObjectSummary o = visible(actor, id);
        return new ObjectJson.Links(links.parts(o.id(), actor), links.partOf(o.id(), actor));
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/objects/{id}/restore")
    @Operation(operationId = "restoreObject", summary = "(admin) Restore a deleted object and what its delete removed with it; file objects whose "
            + "stored content was purged stay deleted and are listed in missingContent")
    ObjectJson.Restored restore(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        RestoreService.Outcome outcome = restore.restore(actor, id, IfMatch.version(ifMatch));
        return new ObjectJson.Restored(outcome.restored().stream().map(ObjectBrief::of).toList(),
                outcome.missingContent().stream().map(ObjectBrief::of).toList());
    }

    @GetMapping("/api/search")
    @Operation(operationId = "search", summary = "ID42 (or 'id 42') finds object 42; other text searches memo titles and descriptions")
    ObjectJson.Found search(Actor actor, @RequestParam(defaultValue = "") String q) {
        return new ObjectJson.Found(search.search(actor, q).stream()
                .map(h -> new ObjectBrief(h.id(), h.kind(), h.title())).toList());
    }

    private ObjectSummary visible(Actor actor, long id) {
        return access.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
    }
}
