package dev.crm.web.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.contact.ContactService;
import dev.crm.app.imports.ImportFile;
import dev.crm.command.Rejected;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.contact.ContactQueries;
import dev.crm.query.contact.ContactView;
import dev.crm.shared.Actor;
import dev.crm.shared.contact.ContactKind;
import dev.crm.shared.kind.ObjectFields;
import dev.crm.web.imports.ImportEndpoint;
import dev.crm.web.imports.ImportJson;
import dev.crm.web.page.CsvExport;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.BadRequest;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/contacts")
@Tag(name = "contacts", description = "Contact persons of companies: create, change, delete; their owner follows "
        + "their company's")
class ContactApiController {

    static final Set<String> READ_ONLY = Set.of(ObjectFields.ID.name(), ObjectFields.KIND.name(),
            ObjectFields.VERSION.name(), ObjectFields.OWNER.name(), ObjectFields.DEPARTMENT.name(),
            ObjectFields.CREATED_AT.name(), ObjectFields.UPDATED_AT.name());
    static final Set<String> CREATE = JsonBody.fieldsOf(ContactJson.Input.class);
    static final Set<String> CHANGE = JsonBody.fieldsOf(ContactJson.Change.class);
    /** A contact stays with its company. */
    static final Set<String> READ_ONLY_ON_CHANGE = with(READ_ONLY, ContactKind.COMPANY.name());

    private final ContactService service;

    private final CsvExport csv;
    private final ImportEndpoint imports;

    ContactApiController(ContactService service, ImportEndpoint imports, CsvExport csv) {
        this.csv = csv;
        this.imports = imports;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The contacts the caller may see, newest change first; q searches names, e-mail, phone and "
            + "mobile; company: only that company's; sort: a field (firstName, lastName, company, owner, id, "
            + "updatedAt), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<ContactJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Long company,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw BadRequest.of(page < 0 ? "page" : "size", "validation.paging", Page.MAX_SIZE);
        }
        Page<ContactView> result = service.list(actor, q, company, department == null ? null : List.of(department),
                Sort.of(sort, ContactQueries.SORTS, ContactQueries.LATEST), page, size);
        return ItemList.of(result, result.items().stream().map(ContactJson::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact to a company; it gets the company's owner and department")
    ResponseEntity<ContactJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ContactJson.Input.class))) @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, CREATE, READ_ONLY);
        Long company = in.number(ContactKind.COMPANY.name());
        var fields = in.fields(ContactKind.KIND);
        in.check();
        ContactView contact = service.create(actor, company, fields);
        return ResponseEntity.created(URI.create("/api/contacts/" + contact.id())).eTag(etag(contact))
                .body(ContactJson.of(contact));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact; ETag: its version")
    ResponseEntity<ContactJson> get(Actor actor, @PathVariable long id) {
        return one(service.visible(actor, id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields (not its company); If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<ContactJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = ContactJson.Change.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, CHANGE, READ_ONLY_ON_CHANGE);
        var fields = in.fields(ContactKind.KIND);
        in.check();
        return one(service.change(actor, id, expected, fields));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "A contact's owner is always its company's (transfer the company): 403 for a contact the "
            + "caller may see")
    @ApiResponse(responseCode = "403",
            description = "Always, for a contact the caller may see: its owner follows its company")
    ResponseEntity<Void> transfer(Actor actor, @PathVariable long id) {
        service.visible(actor, id);
        throw new Rejected.Forbidden("error.owner.contact-follows-company");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the contact with its files, as its deletion preview announced; objects: the number "
            + "the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        service.delete(actor, id, IfMatch.version(ifMatch), objects);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return DeletionPreviewJson.of(service.deletionPreview(actor, id));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = ImportEndpoint.SUMMARY,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ImportJson.Upload.class))))
    ImportJson.Result importAll(Actor actor, @Parameter(hidden = true) @RequestPart(ImportFile.FILE) MultipartFile file,
                                @RequestParam(defaultValue = "false") boolean dryRun,
                                @RequestParam(defaultValue = "false") boolean duplicates) {
        return imports.run(actor, ContactKind.KIND, file, dryRun, duplicates);
    }

    @GetMapping("/export")
    @Operation(summary = "The list as CSV, filtered and ordered as the list with the same parameters (q, company, department, sort); "
            + "every row the caller may see, streamed; a header row of field names, UTF-8; a text starting with "
            + "= + - or @ is written after a '")
    @ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void export(Actor actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long company, @RequestParam(required = false) Long department,
                @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        Sort order = Sort.of(sort, ContactQueries.SORTS, ContactQueries.LATEST);
        List<Long> departments = department == null ? null : List.of(department);
        csv.write(response, ContactKind.KIND.path(), ContactJson.class, page -> service.list(actor, q, company,
                departments, order, page, CsvExport.PAGE).items().stream().map(ContactJson::of)
                .toList());
    }

    private static ResponseEntity<ContactJson> one(ContactView contact) {
        return ResponseEntity.ok().eTag(etag(contact)).body(ContactJson.of(contact));
    }

    private static String etag(ContactView contact) {
        return "\"" + contact.version() + "\"";
    }

    private static Set<String> with(Set<String> set, String more) {
        Set<String> all = new HashSet<>(set);
        all.add(more);
        return Set.copyOf(all);
    }
}
