package dev.crm.web.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.request.RequestDeals;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.deal.DealKind;
import dev.crm.web.deal.DealJson;
import java.net.URI;
import dev.crm.shared.kind.Field;
import dev.crm.shared.request.RequestKind;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.page.CsvExport;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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

/** The requests' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}' and "create deal"'s. */
@RestController
@RequestMapping("/api/requests")
@Tag(name = "requests", description = "Requests: create (matched on save), change, transfer, delete, and create a "
        + "deal from one")
class RequestApiController {

    private final FieldsEndpoints api;
    private final RequestDeals deals;

    RequestApiController(FieldsEndpoints api, RequestDeals deals) {
        this.api = api;
        this.deals = deals;
    }

    @PostMapping("/{id}/deal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create deal, in one step: when the request names no contact and no lead, a lead is made from "
            + "it (a contact in its company, when a company matched); then the deal (named after the subject, with "
            + "the request's contact, company and lead, in its department's default stage); the request then names the "
            + "deal and is no longer pending. What it makes shows the request as its cause in its history. A duplicate, "
            + "a case, or a request that has its deal: 409, nothing made; needs the right to change the request")
    @ApiResponse(responseCode = "201", description = "The deal; Location: its address")
    ResponseEntity<DealJson> createDeal(Actor actor, @PathVariable long id) {
        FieldsView deal = deals.createDeal(actor, id);
        return ResponseEntity.created(URI.create("/api/" + DealKind.KIND.path() + "/" + deal.id()))
                .eTag("\"" + deal.version() + "\"").body(api.json(deal, DealJson.class));
    }

    @GetMapping
    @Operation(summary = "The requests the caller may see, newest change first; q searches subject, names, company "
            + "name, e-mail and phone; pending, duplicate, case, verificationRequired: only those; contact, lead, "
            + "company, deal: only those linked to it; department: only that department's; sort: a field (subject, "
            + "lastName, companyName, owner, id, updatedAt, …), '-' first for descending",
            description = ItemList.DESCRIPTION)
    ItemList<RequestJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Boolean pending,
                               @RequestParam(required = false) Boolean duplicate,
                               @RequestParam(name = "case", required = false) Boolean isCase,
                               @RequestParam(required = false) Boolean verificationRequired,
                               @RequestParam(required = false) Long contact,
                               @RequestParam(required = false) Long lead,
                               @RequestParam(required = false) Long company,
                               @RequestParam(required = false) Long deal,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return api.list(RequestKind.KIND, RequestJson.class, actor, q, equal(pending, duplicate, isCase,
                verificationRequired, contact, lead, company, deal), department, sort, page, size);
    }

    /** The filters given (a null value: not given). */
    private static Map<Field, Object> equal(Boolean pending, Boolean duplicate, Boolean isCase,
                                            Boolean verificationRequired, Long contact, Long lead, Long company,
                                            Long deal) {
        Map<Field, Object> equal = new HashMap<>();
        equal.put(RequestKind.PENDING, pending);
        equal.put(RequestKind.DUPLICATE, duplicate);
        equal.put(RequestKind.CASE, isCase);
        equal.put(RequestKind.VERIFICATION_REQUIRED, verificationRequired);
        equal.put(RequestKind.CONTACT, contact);
        equal.put(RequestKind.LEAD, lead);
        equal.put(RequestKind.COMPANY, company);
        equal.put(RequestKind.DEAL, deal);
        return equal;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a request; the caller owns it, in their department. It is matched against the live "
            + "contacts, leads and companies the caller may see (e-mail, phone digits, first and last name, company "
            + "name, website domain and the e-mail's domain, public mail domains such as gmail.com ignored): a link is "
            + "set when exactly one of its kind matched, and verificationRequired whenever a link was set or several "
            + "matched; subsequent when its contact or company had requests before")
    ResponseEntity<RequestJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = RequestJson.Input.class)))
                                       @RequestBody JsonNode body) {
        return api.create(RequestKind.KIND, RequestJson.class, actor, body, RequestJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request; ETag: its version")
    ResponseEntity<RequestJson> get(Actor actor, @PathVariable long id) {
        return api.get(RequestKind.KIND, RequestJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (correct the links, clear verificationRequired, mark a duplicate or a "
            + "case); a change of e-mail, phone, names, company name or website matches it again (empty links only); "
            + "If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<RequestJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = RequestJson.Input.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(RequestKind.KIND, RequestJson.class, actor, id, body, ifMatch, RequestJson.Input.class,
                Set.of());
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the request to another user: { owner }")
    ResponseEntity<RequestJson> transfer(Actor actor, @PathVariable long id,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                         @Content(schema = @Schema(implementation = RequestJson.Owner.class)))
                                         @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.transfer(RequestKind.KIND, RequestJson.class, actor, id, body, ifMatch, RequestJson.Owner.class);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the request with its deal and files, as its deletion preview announced; objects: the "
            + "number the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(RequestKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/export")
    @Operation(summary = "The list as CSV, filtered and ordered as the list with the same parameters; every row the "
            + "caller may see, streamed; a header row of field names, UTF-8; a text starting with = + - or @ is written "
            + "after a '")
    @ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void export(Actor actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) Boolean pending,
                @RequestParam(required = false) Boolean duplicate,
                @RequestParam(name = "case", required = false) Boolean isCase,
                @RequestParam(required = false) Boolean verificationRequired,
                @RequestParam(required = false) Long contact, @RequestParam(required = false) Long lead,
                @RequestParam(required = false) Long company, @RequestParam(required = false) Long deal,
                @RequestParam(required = false) Long department, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        api.export(RequestKind.KIND, RequestJson.class, actor, q, equal(pending, duplicate, isCase,
                verificationRequired, contact, lead, company, deal), department, sort, response);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(RequestKind.KIND, actor, id);
    }
}
