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
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crm.command.Rejected;
import dev.crm.web.problem.BadRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
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
@Tag(name = "campaigns", description = "Mass-mail campaigns: create, change, transfer, delete, test send, launch, "
        + "pause, resume, cancel, the report of its deliveries")
class CampaignApiController {

    private static final String RECIPIENTS = "recipients";

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
        return api.create(CampaignKind.KIND, CampaignJson.class, actor, flat(body), CampaignJson.Flat.class);
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
        return api.change(CampaignKind.KIND, CampaignJson.class, actor, id, flat(body), ifMatch,
                CampaignJson.Flat.class, CampaignKind.SET_BY_ACTIONS.stream().map(Field::name)
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @PostMapping("/{id}/launch")
    @Operation(summary = "Start sending the draft: its recipients, texts and account are frozen, total counts its "
            + "recipients. For who may change it; 409 when it is no draft, or has no usable mass-mail account, no "
            + "subject or text, or no recipients")
    ResponseEntity<CampaignJson> launch(Actor actor, @PathVariable long id) {
        return step(actor, id, CampaignService.Step.LAUNCH);
    }

    @PostMapping("/{id}/pause")
    @Operation(summary = "Stop sending a running or waiting campaign until it is resumed (409 otherwise)")
    ResponseEntity<CampaignJson> pause(Actor actor, @PathVariable long id) {
        return step(actor, id, CampaignService.Step.PAUSE);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Send a paused campaign again (409 otherwise)")
    ResponseEntity<CampaignJson> resume(Actor actor, @PathVariable long id) {
        return step(actor, id, CampaignService.Step.RESUME);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "End a running, waiting or paused campaign: nothing more is sent (409 otherwise)")
    ResponseEntity<CampaignJson> cancel(Actor actor, @PathVariable long id) {
        return step(actor, id, CampaignService.Step.CANCEL);
    }

    private ResponseEntity<CampaignJson> step(Actor actor, long id, CampaignService.Step step) {
        campaigns.step(actor, id, step);
        return api.get(CampaignKind.KIND, CampaignJson.class, actor, id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "What its sender did for each recipient, newest first: sent, failed or skipped with the "
            + "reason, unknown (the process stopped mid-send), or none while under way; outcome: only those. For who "
            + "may view it")
    ItemList<CampaignJson.Delivery> deliveries(Actor actor, @PathVariable long id,
                                               @RequestParam(required = false) String outcome,
                                               @RequestParam(defaultValue = "0") int page,
                                               @RequestParam(defaultValue = "50") int size) {
        CampaignService.Deliveries found = campaigns.deliveries(actor, id, outcome, Math.max(0, page),
                Math.max(1, Math.min(size, 200)));
        return new ItemList<>(found.items().stream().map(CampaignJson.Delivery::of).toList(), found.total(), true);
    }

    /**
     * The body with its {@code recipients} object taken apart into the kind's three fields (a kind left out stays as it
     * is; {@code recipients: null} clears all three); the three at the top level are unknown fields.
     */
    static JsonNode flat(JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return body;
        }
        ObjectNode copy = object.deepCopy();
        List<Rejected.FieldError> errors = new ArrayList<>();
        for (Field field : CampaignKind.RECIPIENTS) {
            if (copy.has(field.name())) {
                errors.add(new Rejected.FieldError(field.name(), "validation.unknown-field", new Object[0]));
            }
        }
        JsonNode recipients = copy.remove(RECIPIENTS);
        if (recipients != null && recipients.isNull()) {
            CampaignKind.RECIPIENTS.forEach(f -> copy.putNull(f.name()));
        } else if (recipients != null && !recipients.isObject()) {
            errors.add(new Rejected.FieldError(RECIPIENTS, "validation.json-object", new Object[0]));
        } else if (recipients != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = recipients.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (CampaignKind.RECIPIENTS.stream().anyMatch(f -> f.is(entry.getKey()))) {
                    copy.set(entry.getKey(), entry.getValue());
                } else {
                    errors.add(new Rejected.FieldError(RECIPIENTS + "." + entry.getKey(), "validation.unknown-field",
                            new Object[0]));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new BadRequest(errors);
        }
        return copy;
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
