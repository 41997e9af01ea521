package dev.crm.web.memo;

import dev.crm.web.page.CsvExport;
import dev.crm.shared.memo.MemoKind;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.app.memo.MemoService;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.Page;
import dev.crm.query.memo.MemoQueries;
import dev.crm.query.memo.MemoView;
import dev.crm.shared.Actor;
import dev.crm.shared.memo.MemoStage;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.openapi.Choices;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import dev.crm.web.problem.BadRequest;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/memos")
@Tag(name = "memos", description = "Office memos: write, send, review, postpone, delete")
class MemoApiController {

    static final Set<String> READ_ONLY = Set.of("id", "kind", "version", ObjectFields.STAGE.name(), "conclusion", "owner",
            ObjectFields.DEPARTMENT.name(), "createdAt", "updatedAt");
    static final Set<String> WRITABLE = JsonBody.fieldsOf(MemoJson.Input.class);

    private final MemoService service;
    private final MemoQueries memos;

    private final CsvExport csv;

    MemoApiController(MemoService service, MemoQueries memos, CsvExport csv) {
        this.csv = csv;
        this.service = service;
        this.memos = memos;
    }

    @GetMapping
    @Operation(summary = "The memos the caller may see, newest change first; q searches title and description; "
            + "department: only that department's; deal: only that deal's", description = ItemList.DESCRIPTION)
    ItemList<MemoJson> list(Actor actor, @RequestParam(required = false) String q,
                             @Choices(MemoStage.class) @RequestParam(required = false) String stage,
                             @RequestParam(required = false) Long department,
                             @RequestParam(required = false) Long deal,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw BadRequest.of(page < 0 ? "page" : "size", "validation.paging", Page.MAX_SIZE);
        }
        Page<MemoView> result = memos.list(actor, q, stage(stage), department == null ? null : List.of(department),
                deal, MemoQueries.LATEST, page, size);
        return ItemList.of(result, result.items().stream().map(MemoJson::of).toList());
    }

    @GetMapping("/export")
    @Operation(summary = "The list as CSV, filtered as the list with the same parameters (q, stage, department, deal), "
            + "newest change first; every row the caller may see, streamed; a header row of field names, UTF-8; a "
            + "text starting with = + - or @ is written after a '")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void export(Actor actor, @RequestParam(required = false) String q,
                @Choices(MemoStage.class) @RequestParam(required = false) String stage,
                @RequestParam(required = false) Long department, @RequestParam(required = false) Long deal,
                HttpServletResponse response) throws IOException {
        MemoStage stageFilter = stage(stage);
        List<Long> departments = department == null ? null : List.of(department);
        csv.write(response, MemoKind.KIND.path(), MemoJson.class, page -> memos.list(actor, q, stageFilter, departments,
                deal, MemoQueries.LATEST, page, CsvExport.PAGE).items().stream().map(MemoJson::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a memo: a draft, or sent to the recipient in 'to'")
    ResponseEntity<MemoJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = MemoJson.Input.class))) @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        String title = in.text("title");
        String to = in.text("to");
        String description = in.text("description");
        Boolean draft = in.bool("draft");
        Long deal = in.number(MemoKind.DEAL.name());
        in.check();
        MemoView memo = service.create(actor, title, description, to, Boolean.TRUE.equals(draft), deal);
        return ResponseEntity.created(URI.create("/api/memos/" + memo.id())).eTag(etag(memo)).body(MemoJson.of(memo));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One memo; ETag: its version")
    ResponseEntity<MemoJson> get(Actor actor, @PathVariable long id) {
        MemoView memo = service.visible(actor, id);
        return ResponseEntity.ok().eTag(etag(memo)).body(MemoJson.of(memo));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<MemoJson> change(Actor actor, @PathVariable long id, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = MemoJson.Input.class))) @RequestBody JsonNode body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        // null for a field that cannot be emptied (title, draft) leaves it as it is, as generated clients send it
        String title = in.text("title");
        String to = in.has("to") ? nonNull(in.text("to")) : null;
        String description = in.has("description") ? nonNull(in.text("description")) : null;
        Boolean draft = in.bool("draft");
        // the deal's ID as text, "" (JSON null) to take it off its deal
        String deal = in.has(MemoKind.DEAL.name()) ? nonNull(idText(in.number(MemoKind.DEAL.name()))) : null;
        in.check();
        MemoView memo = service.change(actor, id, expected, title, description, to, draft, deal);
        return ResponseEntity.ok().eTag(etag(memo)).body(MemoJson.of(memo));
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}/owner")
    @Operation(summary = "Memos keep their author: 403 for a memo the caller may see")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
            description = "Always, for a memo the caller may see: memos keep their author")
    ResponseEntity<Void> transfer(Actor actor, @PathVariable long id) {
        service.visible(actor, id);
        throw new dev.crm.command.Rejected.Forbidden("error.owner.memo-not-transferable");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the memo and everything its deletion preview lists; objects: the number the "
            + "preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @org.springframework.web.bind.annotation.RequestParam(required = false) Integer objects) {
        service.delete(actor, id, IfMatch.version(ifMatch), objects);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return DeletionPreviewJson.of(service.deletionPreview(actor, id));
    }

    @PostMapping("/{id}/review")
    @Operation(summary = "The recipient, a chief or an admin reviews the memo, with an optional conclusion")
    ResponseEntity<MemoJson> review(Actor actor, @PathVariable long id,
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                                            schema = @Schema(implementation = MemoJson.Review.class)))
                                    @RequestBody(required = false) JsonNode body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(MemoJson.Review.class), Set.of());
        String conclusion = in.text("conclusion");
        in.check();
        MemoView memo = service.review(actor, id, expected, conclusion);
        return ResponseEntity.ok().eTag(etag(memo)).body(MemoJson.of(memo));
    }

    @PostMapping("/{id}/postpone")
    @Operation(summary = "The recipient, a chief or an admin postpones the memo")
    ResponseEntity<MemoJson> postpone(Actor actor, @PathVariable long id,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        MemoView memo = service.postpone(actor, id, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(etag(memo)).body(MemoJson.of(memo));
    }

    /** JSON null for a text field means "clear it", which the command spells as "". */
    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static String idText(Long id) {
        return id == null ? null : id.toString();
    }

    private static MemoStage stage(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Arrays.stream(MemoStage.values()).filter(s -> s.apiName().equals(name)).findFirst()
                .orElseThrow(() -> BadRequest.of(ObjectFields.STAGE.name(), "validation.one-of",
                        String.join(", ", Arrays.stream(MemoStage.values()).map(MemoStage::apiName).toList())));
    }

    private static String etag(MemoView memo) {
        return "\"" + memo.version() + "\"";
    }
}
