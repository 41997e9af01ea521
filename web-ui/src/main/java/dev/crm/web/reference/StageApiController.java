package dev.crm.web.reference;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.reference.ReferenceService;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Deal stages, per department: every signed-in user reads them, administrators change them ({@link ReferenceEndpoints}). */
@RestController
@RequestMapping("/api/admin/stages")
@Tag(name = "stages", description = "(admin changes) Deal stages, per department")
class StageApiController {

    private static final ReferenceKind KIND = ReferenceKind.STAGE;

    private final ReferenceEndpoints api;
    private final ReferenceService references;

    StageApiController(ReferenceEndpoints api, ReferenceService references) {
        this.api = api;
        this.references = references;
    }

    @GetMapping
    @Operation(summary = "Deal stages, per department, in their order; every signed-in user may read them. With "
            + "department: the stages that department's deals go through (its own, or else those of every department)")
    ItemList<StageJson> list(Actor actor, @RequestParam(required = false) Long department) {
        return department == null ? api.list(actor, KIND, StageJson::of)
                : ItemList.whole(references.stagesOf(actor, department).stream().map(StageJson::of).toList());
    }

    @PostMapping
    @Operation(summary = "(admin) Create one")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<StageJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = StageJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(actor, KIND, StageJson.Input.class, body, StageJson::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of them; ETag: its version")
    ResponseEntity<StageJson> get(Actor actor, @PathVariable long id) {
        return api.get(actor, KIND, id, StageJson::of);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "(admin) Change the fields given; If-Match: \"<version>\" guards against lost updates")
    ResponseEntity<StageJson> change(Actor actor, @PathVariable long id,
                                  @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                          content = @Content(schema = @Schema(implementation = StageJson.Input.class)))
                                  @RequestBody JsonNode body) {
        return api.change(actor, KIND, id, ifMatch, StageJson.Input.class, body, StageJson::of);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "(admin) Delete one; an administrator can restore it (POST /api/objects/{id}/restore)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor actor, @PathVariable long id, @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        api.delete(actor, KIND, id, ifMatch);
    }
}
