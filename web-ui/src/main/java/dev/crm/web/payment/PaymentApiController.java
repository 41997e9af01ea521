package dev.crm.web.payment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.fields.FieldsService;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.payment.PaymentKind;
import dev.crm.shared.payment.PaymentStatus;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.openapi.Choices;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
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

/** The payments' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}'. */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "payments", description = "Payments of deals: create, change, delete; their owner follows their deal's")
class PaymentApiController {

    /** A payment stays with its deal. */
    private static final Set<String> FIXED_ON_CHANGE = Set.of(PaymentKind.DEAL.name());

    private final FieldsEndpoints api;
    private final FieldsService service;

    PaymentApiController(FieldsEndpoints api, FieldsService service) {
        this.api = api;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The payments the caller may see, newest change first; q searches contract and invoice "
            + "numbers; deal, status: only those; department: only that department's; sort: a field (amount, date, "
            + "status, owner, id, updatedAt, …), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<PaymentJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Long deal,
                               @RequestParam(required = false) @Choices(PaymentStatus.class) String status,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Map<Field, Object> equal = new HashMap<>();
        equal.put(PaymentKind.DEAL, deal);
        equal.put(PaymentKind.STATUS, status);
        return api.list(PaymentKind.KIND, PaymentJson.class, actor, q, equal, department, sort, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a payment to a deal; it gets the deal's owner and department")
    ResponseEntity<PaymentJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PaymentJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(PaymentKind.KIND, PaymentJson.class, actor, body, PaymentJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One payment; ETag: its version")
    ResponseEntity<PaymentJson> get(Actor actor, @PathVariable long id) {
        return api.get(PaymentKind.KIND, PaymentJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (not its deal); If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<PaymentJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = PaymentJson.Change.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(PaymentKind.KIND, PaymentJson.class, actor, id, body, ifMatch, PaymentJson.Change.class,
                FIXED_ON_CHANGE);
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "A payment's owner is always its deal's (transfer the deal): 403 for a payment the caller may "
            + "see")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
            description = "Always, for a payment the caller may see: its owner follows its deal")
    ResponseEntity<Void> transfer(Actor actor, @PathVariable long id) {
        service.transfer(PaymentKind.KIND, actor, id, null, null);
        throw new IllegalStateException("a payment's owner is never set on its own");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the payment with its files, as its deletion preview announced; objects: the number "
            + "the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(PaymentKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(PaymentKind.KIND, actor, id);
    }
}
