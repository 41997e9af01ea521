package dev.crm.web.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.campaign.CampaignKind;
import dev.crm.shared.campaign.CampaignStatus;
import dev.crm.app.campaign.CampaignService;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.page.Texts;
import dev.crm.web.problem.JsonBody;
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

/** The campaigns' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}', the test send {@link CampaignService}'s. */
@RestController
@RequestMapping("/api/campaigns")
@Tag(name = "campaigns", description = "Mass-mail campaigns: create, change, transfer, delete, test send")
class CampaignApiController {

    private final FieldsEndpoints api;
    private final CampaignService campaigns;
    private final Texts texts;

    CampaignApiController(FieldsEndpoints api, CampaignService campaigns, Texts texts) {
        this.api = api;
        this.campaigns = campaigns;
        this.texts = texts;
    }

    @GetMapping
    @Operation(summary = "The campaigns the caller may see, newest change first; q searches names and subjects; "
            + "status: only those; department: only that department's; sort: a field (name, subject, status, owner, "
            + "id, updatedAt, …), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<CampaignJson> list(Actor actor, @RequestParam(required = false) String q,
                                @RequestParam(required = false) @Choices(CampaignStatus.class) String status,
                                @RequestParam(required = false) Long department,
                                @RequestParam(required = false) String sort,
                                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return api.list(CampaignKind.KIND, CampaignJson.class, actor, q, equal(status), Map.of(), department, sort,
                page, size);
    }

    private static Map<Field, Object> equal(String status) {
        Map<Field, Object> equal = new HashMap<>();
        equal.put(CampaignKind.STATUS, status);
        return equal;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a campaign, a draft; the caller owns it, in their department")
    ResponseEntity<CampaignJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CampaignJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(CampaignKind.KIND, CampaignJson.class, actor, body, CampaignJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign; ETag: its version")
    ResponseEntity<CampaignJson> get(Actor actor, @PathVariable long id) {
        return api.get(CampaignKind.KIND, CampaignJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (not status or counts: 422); If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<CampaignJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = CampaignJson.Input.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(CampaignKind.KIND, CampaignJson.class, actor, id, body, ifMatch, CampaignJson.Input.class,
                Set.of(CampaignKind.STATUS.name(), CampaignKind.SENT.name(), CampaignKind.FAILED.name(),
                        CampaignKind.SKIPPED.name()));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the campaign to another user: { owner }")
    ResponseEntity<CampaignJson> transfer(Actor actor, @PathVariable long id,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                         @Content(schema = @Schema(implementation = CampaignJson.Owner.class)))
                                         @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.transfer(CampaignKind.KIND, CampaignJson.class, actor, id, body, ifMatch, CampaignJson.Owner.class);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the campaign, as its deletion preview announced; objects: the number "
            + "the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(CampaignKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(CampaignKind.KIND, actor, id);
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send one test message to { to } now, through the campaign's account, rendered for its "
            + "first recipient (sample values without one), with its unsubscribe link and the RFC 8058 headers; "
            + "recorded in its history. For who may change it; 409 without an account or when the server fails")
    CampaignJson.TestSent test(Actor actor, @PathVariable long id,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                               @Content(schema = @Schema(implementation = CampaignJson.Test.class)))
                               @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(CampaignJson.Test.class), Set.of());
        String to = in.text("to");
        in.check();
        campaigns.sendTest(actor, id, to, link -> texts.text("campaign.unsubscribe.footer", link));
        return new CampaignJson.TestSent(id, to.strip());
    }
}
