package dev.crm.web.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.shared.Actor;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where requests and leads come from: every signed-in user reads them, administrators change them ({@link ReferenceEndpoints}). */
@RestController
@RequestMapping("/api/admin/lead-sources")
@Tag(name = "lead-sources", description = "(admin changes) Where requests and leads come from")
class LeadSourceApiController {

    private static final ReferenceKind KIND = ReferenceKind.LEAD_SOURCE;

    private final ReferenceEndpoints api;

    LeadSourceApiController(ReferenceEndpoints api) {
        this.api = api;
    }

    @GetMapping
    @Operation(summary = "Where requests and leads come from, in their order; every signed-in user may read them")
    ItemList<LeadSourceJson> list(Actor actor) {
        return api.list(actor, KIND, LeadSourceJson::of);
    }

    @PostMapping
    @Operation(summary = "(admin) Create one")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<LeadSourceJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = LeadSourceJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(actor, KIND, LeadSourceJson.Input.class, body, LeadSourceJson::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of them; ETag: its version")
    ResponseEntity<LeadSourceJson> get(Actor actor, @PathVariable long id) {
        return api.get(actor, KIND, id, LeadSourceJson::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "(admin) Change the fields given; If-Match: \"<version>\" guards against lost updates")
    ResponseEntity<LeadSourceJson> change(Actor actor, @PathVariable long id,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                          content = @Content(schema = @Schema(implementation = LeadSourceJson.Input.class)))
                                  @RequestBody JsonNode body) {
        return api.change(actor, KIND, id, ifMatch, LeadSourceJson.Input.class, body, LeadSourceJson::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "(admin) Delete one; an administrator can restore it (POST /api/objects/{id}/restore)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        api.delete(actor, KIND, id, ifMatch);
    }
}
