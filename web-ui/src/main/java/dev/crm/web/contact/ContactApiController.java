package dev.crm.web.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.imports.ImportFile;
import dev.crm.web.imports.ImportEndpoint;
import dev.crm.web.imports.ImportJson;
import dev.crm.web.page.CsvExport;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import dev.crm.app.fields.FieldsService;
import dev.crm.shared.Actor;
import dev.crm.shared.contact.ContactKind;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Collections;
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

/** The contacts' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}'. */
@RestController
@RequestMapping("/api/contacts")
@Tag(name = "contacts", description = "Contact persons of companies: create, change, delete; their owner follows "
        + "their company's")
class ContactApiController {

    private final FieldsEndpoints api;
    private final ImportEndpoint imports;
    private final FieldsService service;

    ContactApiController(FieldsEndpoints api, FieldsService service, ImportEndpoint imports) {
        this.api = api;
        this.imports = imports;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The contacts the caller may see, newest change first; q searches names, e-mail, phone and "
            + "mobile; company: only that company's; sort: a field (firstName, lastName, company, owner, id, "
            + "updatedAt, …), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<ContactJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Long company,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return api.list(ContactKind.KIND, ContactJson.class, actor, q,
                Collections.singletonMap(ContactKind.COMPANY, company), department, sort, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact to a company; it gets the company's owner and department")
    ResponseEntity<ContactJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ContactJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(ContactKind.KIND, ContactJson.class, actor, body, ContactJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact; ETag: its version")
    ResponseEntity<ContactJson> get(Actor actor, @PathVariable long id) {
        return api.get(ContactKind.KIND, ContactJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; a new company (one the caller may see, else 400) moves the contact to it, "
            + "with that company's owner and department; If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<ContactJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = ContactJson.Changing.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(ContactKind.KIND, ContactJson.class, actor, id, body, ifMatch, ContactJson.Changing.class,
                Set.of());
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "A contact's owner is always its company's (transfer the company): 403 for a contact the "
            + "caller may see")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "403",
            description = "Always, for a contact the caller may see: its owner follows its company")
    ResponseEntity<Void> transfer(Actor actor, @PathVariable long id) {
        service.transfer(ContactKind.KIND, actor, id, null, null);
        throw new IllegalStateException("a contact's owner is never set on its own");
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the contact with its files, as its deletion preview announced; objects: the number "
            + "the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(ContactKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(ContactKind.KIND, actor, id);
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
                @RequestParam(required = false) Long company,
                @RequestParam(required = false) Long department, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        api.export(ContactKind.KIND, ContactJson.class, actor, q, Collections.singletonMap(ContactKind.COMPANY, company), department, sort, response);
    }
}
