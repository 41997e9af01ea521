package dev.crm.web.chain;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crm.app.chain.ChainVerifier;
import dev.crm.app.chain.Checkpoints;
import dev.crm.app.object.ObjectAccess;
import dev.crm.command.Rejected;
import dev.crm.query.object.ObjectSummary;
import dev.crm.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Verifiable history: an object's chain, the whole store's, and checkpoints (docs/auditing.md). */
@RestController
@Tag(name = "auditing", description = "Hash chains of the event store and checkpoints")
class ChainApiController {

    static final String NDJSON = "application/x-ndjson";

    private final ObjectAccess access;
    private final ChainVerifier verifier;
    private final Checkpoints checkpoints;
    private final ObjectMapper json;

    ChainApiController(ObjectAccess access, ChainVerifier verifier, Checkpoints checkpoints, ObjectMapper json) {
        this.access = access;
        this.verifier = verifier;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    @GetMapping("/api/objects/{id}/verify")
    @Operation(operationId = "verifyObject", summary = "Recompute the object's hash chain: valid, events checked, and the "
            + "first broken link (sequence, eventId, reason) when not valid; same view rules as the history")
    ChainJson.ObjectVerification verify(Actor actor, @PathVariable long id) {
        ObjectSummary object = access.findVisible(id, actor).orElseThrow(() -> new Rejected.NotFound(id));
        return ChainJson.ObjectVerification.of(verifier.verifyStream(Long.toString(id), object.version()));
    }

    @GetMapping("/api/admin/verify")
    @Operation(operationId = "verifyStore", summary = "(admin) Recompute every stream's hash chain, streamed as JSON "
            + "lines: {checked, total} as it goes, then {valid, checked, brokenStreams, firstBroken: {id, sequence, "
            + "eventId, reason}}",
            responses = @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200",
                    description = "JSON lines: progress lines, then the result", content =
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = NDJSON,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(
                                    implementation = ChainJson.StoreVerification.class))))
    @dev.crm.web.openapi.AdminOnly
    void verifyStore(Actor actor, HttpServletResponse response) throws IOException {
        admin(actor);
        long total = verifier.count();
        // written on the request's thread, not as an asynchronous body: a check of a large store outlasts the
        // container's timeout for asynchronous requests
        response.setContentType(NDJSON);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        line(out, new ChainJson.Progress(0, total));
        ChainJson.StoreVerification result = ChainJson.StoreVerification.of(verifier.verifyStore(checked -> {
            try {
                line(out, new ChainJson.Progress(checked, Math.max(total, checked)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        line(out, result);
    }

    private void line(OutputStream out, Object value) throws IOException {
        out.write(json.writeValueAsBytes(value));
        out.write('\n');
        out.flush();
    }

    @PostMapping("/api/admin/checkpoints")
    @Operation(operationId = "makeCheckpoint", summary = "(admin) A digest over every event up to the store's current "
            + "settled position")
    @dev.crm.web.openapi.AdminOnly
    ResponseEntity<ChainJson.Checkpoint> makeCheckpoint(Actor actor) {
        admin(actor);
        Checkpoints.Checkpoint made = checkpoints.make(actor.username())
                .orElseThrow(() -> new Rejected.WrongState("error.checkpoint.empty-store"));
        return ResponseEntity.status(HttpStatus.CREATED).body(ChainJson.Checkpoint.of(made));
    }

    @GetMapping("/api/admin/checkpoints")
    @Operation(operationId = "listCheckpoints", summary = "(admin) Every checkpoint, newest first: position, hash (SHA-256 over each event's globalindex and hash up to position), at; format=csv downloads them")
    @dev.crm.web.openapi.AdminOnly
    dev.crm.web.page.ItemList<ChainJson.Checkpoint> listCheckpoints(Actor actor,
            @RequestParam(required = false) @io.swagger.v3.oas.annotations.Parameter(schema =
                    @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"json", "csv"})) String format,
            HttpServletResponse response) throws IOException {
        admin(actor);
        List<ChainJson.Checkpoint> all = checkpoints.list().stream().map(ChainJson.Checkpoint::of).toList();
        if ("csv".equals(format)) {
            response.setContentType("text/csv;charset=UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename("checkpoints.csv", StandardCharsets.UTF_8).build().toString());
            Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            csv.printRecord("position", "hash", "at", "events", "madeBy");
            for (ChainJson.Checkpoint c : all) {
                csv.printRecord(c.position(), c.hash(), c.at(), c.events(), c.madeBy());
            }
            csv.flush();
            return null;
        }
        return dev.crm.web.page.ItemList.whole(all);
    }

    @GetMapping("/api/admin/checkpoints/{position}/verify")
    @Operation(operationId = "verifyCheckpoint", summary = "(admin) Recompute a checkpoint's digest: valid when nothing "
            + "up to its position changed")
    @dev.crm.web.openapi.AdminOnly
    ChainJson.CheckpointVerification verifyCheckpoint(Actor actor, @PathVariable long position) {
        admin(actor);
        List<Checkpoints.Recheck> rechecks = checkpoints.recheck(position);
        if (rechecks.isEmpty()) {
            throw new Rejected.NotFound("error.checkpoint.not-found", position);
        }
        return rechecks.stream().filter(r -> !r.valid()).findFirst().or(() -> rechecks.stream().findFirst())
                .map(ChainJson.CheckpointVerification::of).orElseThrow();
    }

    private static void admin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
    }
}
