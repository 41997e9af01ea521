package dev.crm.web.email;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.email.EmailService;
import dev.crm.query.fields.FieldsView;
import dev.crm.shared.Actor;
import dev.crm.shared.email.EmailKind;
import dev.crm.shared.email.EmailStatus;
import dev.crm.shared.kind.Field;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.openapi.Choices;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
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

/**
 * The e-mails' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}' and {@link EmailService}'s
 * (a draft with its attachments, a reply, a forward, sending).
 */
@RestController
@RequestMapping("/api/emails")
@Tag(name = "emails", description = "CRM e-mails written from a deal, request, contact, company or lead: drafts, "
        + "replies, forwards, change, delete")
class EmailApiController {

    /** What only actions set: named as read-only when given. */
    private static final Set<String> SET_BY_ACTIONS = names(EmailKind.SET_BY_ACTIONS);
    /** A change may not name the object it is written from. */
    private static final Set<String> FIXED_ON_CHANGE = union(SET_BY_ACTIONS, names(EmailKind.LINKS));

    private final FieldsEndpoints api;
    private final EmailService emails;

    EmailApiController(FieldsEndpoints api, EmailService emails) {
        this.api = api;
        this.emails = emails;
    }

    @GetMapping
    @Operation(summary = "The e-mails the caller may see, newest change first; q searches subject and recipients; "
            + "status: only those (draft, queued, sent, failed); deal, request, contact, company, lead: only those "
            + "written from it; department: only that department's; sort: a field (subject, to, status, owner, id, "
            + "updatedAt, …), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<EmailJson> list(Actor actor, @RequestParam(required = false) String q,
                             @RequestParam(required = false) @Choices(EmailStatus.class) String status,
                             @RequestParam(required = false) Long deal,
                             @RequestParam(required = false) Long request,
                             @RequestParam(required = false) Long contact,
                             @RequestParam(required = false) Long company,
                             @RequestParam(required = false) Long lead,
                             @RequestParam(required = false) Long department,
                             @RequestParam(required = false) String sort,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Map<Field, Object> equal = new HashMap<>();
        equal.put(EmailKind.STATUS, status);
        equal.put(EmailKind.DEAL, deal);
        equal.put(EmailKind.REQUEST, request);
        equal.put(EmailKind.CONTACT, contact);
        equal.put(EmailKind.COMPANY, company);
        equal.put(EmailKind.LEAD, lead);
        return api.list(EmailKind.KIND, EmailJson.class, actor, q, equal, department, sort, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a draft from exactly one deal, request, contact, company or lead the caller may see; "
            + "the caller owns it, in their department; the files named (file objects of that object the caller may "
            + "see) become its attachments; status draft, sent false")
    ResponseEntity<EmailJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = EmailJson.Input.class)))
                                     @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(EmailJson.Input.class),
                union(FieldsEndpoints.READ_ONLY, SET_BY_ACTIONS));
        Map<String, Object> fields = in.fields(EmailKind.KIND);
        List<Long> files = in.idList("files");
        in.check();
        return created(emails.create(actor, fields, files == null ? List.of() : files));
    }

    @PostMapping("/{id}/reply")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a draft answering the e-mail: to its sender (for an e-mail written here, its "
            + "recipients), its subject after \"Re: \" (once), in its thread, written from the same object")
    @ApiResponse(responseCode = "201", description = "The reply; Location: its address")
    ResponseEntity<EmailJson> reply(Actor actor, @PathVariable long id) {
        return created(emails.reply(actor, id));
    }

    @PostMapping("/{id}/forward")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "forwardEmail", summary = "Forward the e-mail: a draft with its subject after \"Fwd: \" "
            + "(once)", description = "The draft's body is a short header naming the forwarded e-mail's sender, date "
            + "(UTC, ISO 8601), subject and recipients (in the caller's language), then its text; no recipients yet "
            + "(the caller adds them); written from the same object; the forwarded e-mail's files the caller may see "
            + "become its attachments (the same content). Its history shows it was caused by the forwarded e-mail. "
            + "All or nothing.")
    @ApiResponse(responseCode = "201", description = "The forwarding draft; Location: its address")
    @ApiResponse(responseCode = "404", description = "No e-mail with this ID that the caller may see")
    @ApiResponse(responseCode = "403", description = "The caller may see the e-mail but may not write e-mails")
    ResponseEntity<EmailJson> forward(Actor actor, @PathVariable long id) {
        return created(emails.forward(actor, id, LocaleContextHolder.getLocale()));
    }

    @PostMapping("/{id}/send")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send a draft or a failed e-mail (who may change it may send it): it is queued (status "
            + "queued, a new Message-ID) through its owner's main mail account, and sent once this answers; its status "
            + "then becomes sent (sentAt) or failed (failure: the reason); a server not reachable now leaves it queued "
            + "and it is tried again; 409 when it is neither a draft nor failed, or its owner has no main mail account")
    @ApiResponse(responseCode = "202", description = "Queued: the e-mail as it is now")
    ResponseEntity<EmailJson> send(Actor actor, @PathVariable long id) {
        FieldsView email = emails.send(actor, id);
        return ResponseEntity.accepted().eTag("\"" + email.version() + "\"").body(api.json(email, EmailJson.class));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One e-mail; ETag: its version")
    ResponseEntity<EmailJson> get(Actor actor, @PathVariable long id) {
        return api.get(EmailKind.KIND, EmailJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a draft's subject, body or addresses (409 for an e-mail that is not a draft); "
            + "If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<EmailJson> change(Actor actor, @PathVariable long id,
                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                     @Content(schema = @Schema(implementation = EmailJson.Change.class)))
                                     @RequestBody JsonNode body,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(EmailKind.KIND, EmailJson.class, actor, id, body, ifMatch, EmailJson.Change.class,
                FIXED_ON_CHANGE);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the e-mail with its attachments, as its deletion preview announced; objects: the "
            + "number the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(EmailKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(EmailKind.KIND, actor, id);
    }

    private ResponseEntity<EmailJson> created(FieldsView email) {
        return ResponseEntity.created(URI.create("/api/" + EmailKind.KIND.path() + "/" + email.id()))
                .eTag("\"" + email.version() + "\"").body(api.json(email, EmailJson.class));
    }

    private static Set<String> names(List<Field> fields) {
        return fields.stream().map(Field::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
