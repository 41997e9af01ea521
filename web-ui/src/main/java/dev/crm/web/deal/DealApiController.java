package dev.crm.web.deal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.deal.DealService;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.deal.DealKind;
import dev.crm.shared.kind.Field;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deals' API: its paths and schemas; the shared work is {@link FieldsEndpoints}'. There is no plain create
 * (domain.md: deals come from requests; {@code POST /api/deals} is not mapped and answers 405); closing is its own.
 */
@RestController
@RequestMapping("/api/deals")
@Tag(name = "deals", description = "Deals (made from requests): change, move through stages, close, transfer, delete")
class DealApiController {

    /** Set by closing alone. */
    private static final Set<String> SET_BY_CLOSING = Set.of(DealKind.CLOSING_REASON.name(),
            DealKind.CLOSED_AT.name());

    private final FieldsEndpoints api;
    private final DealService deals;

    DealApiController(FieldsEndpoints api, DealService deals) {
        this.api = api;
        this.deals = deals;
    }

    @GetMapping
    @Operation(summary = "The deals the caller may see, newest change first; q searches names; stage, contact, company, "
            + "lead, request: only those of that object; department: only that department's; sort: a field (name, "
            + "stage, amount, probability, nextStepDate, closedAt, owner, id, updatedAt, …), '-' first for descending",
            description = ItemList.DESCRIPTION)
    ItemList<DealJson> list(Actor actor, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Long stage,
                            @RequestParam(required = false) Long contact,
                            @RequestParam(required = false) Long company,
                            @RequestParam(required = false) Long lead,
                            @RequestParam(required = false) Long request,
                            @RequestParam(required = false) Long department,
                            @RequestParam(required = false) String sort,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Map<Field, Object> equal = new HashMap<>();
        equal.put(DealKind.STAGE, stage);
        equal.put(DealKind.CONTACT, contact);
        equal.put(DealKind.COMPANY, company);
        equal.put(DealKind.LEAD, lead);
        equal.put(DealKind.REQUEST, request);
        return api.list(DealKind.KIND, DealJson.class, actor, q, equal, department, sort, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deal; ETag: its version")
    ResponseEntity<DealJson> get(Actor actor, @PathVariable long id) {
        return api.get(DealKind.KIND, DealJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; a new stage is a step of its timeline (409 once it is closed); "
            + "closingReason and closedAt are closing's; If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<DealJson> change(Actor actor, @PathVariable long id,
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                    @Content(schema = @Schema(implementation = DealJson.Input.class)))
                                    @RequestBody JsonNode body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(DealKind.KIND, DealJson.class, actor, id, body, ifMatch, DealJson.Input.class,
                SET_BY_CLOSING);
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close the deal for a closing reason: sets closingReason and closedAt; a success reason moves "
            + "it to its department's success stage; an unsuccessful one removes its payments not received; 409 when "
            + "it is closed already")
    ResponseEntity<DealJson> close(Actor actor, @PathVariable long id,
                                   @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                   @Content(schema = @Schema(implementation = DealJson.Close.class)))
                                   @RequestBody JsonNode body,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(DealJson.Close.class), Set.of());
        Long reason = in.number(DealKind.CLOSING_REASON.name());
        if (reason == null && !in.has(DealKind.CLOSING_REASON.name())) {
            in.addError(DealKind.CLOSING_REASON.name(), "validation.required");
        }
        in.check();
        if (reason == null) {
            in.addError(DealKind.CLOSING_REASON.name(), "validation.required");
            in.check();
        }
        FieldsView closed = deals.close(actor, id, expected, reason);
        return ResponseEntity.ok().eTag("\"" + closed.version() + "\"").body(api.json(closed, DealJson.class));
    }

    @GetMapping("/{id}/stages")
    @Operation(summary = "The deal's stage timeline: each stage it entered, when and by whom, oldest first")
    DealJson.Steps stages(Actor actor, @PathVariable long id) {
        return new DealJson.Steps(deals.timeline(actor, id).stream()
                .map(s -> new DealJson.Step(s.stage(), s.name(), s.at(), s.by())).toList());
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the deal (and its payments) to another user: { owner }")
    ResponseEntity<DealJson> transfer(Actor actor, @PathVariable long id,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                      @Content(schema = @Schema(implementation = DealJson.Owner.class)))
                                      @RequestBody JsonNode body,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.transfer(DealKind.KIND, DealJson.class, actor, id, body, ifMatch, DealJson.Owner.class);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the deal with its payments and files, as its deletion preview announced; objects: the "
            + "number the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(DealKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(DealKind.KIND, actor, id);
    }
}
