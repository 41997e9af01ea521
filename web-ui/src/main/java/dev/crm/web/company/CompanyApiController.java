package dev.crm.web.company;

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
import dev.crm.shared.Actor;
import dev.crm.shared.company.CompanyKind;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** The companies' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}'. */
@RestController
@RequestMapping("/api/companies")
@Tag(name = "companies", description = "Companies: create, change, transfer (with their contacts), delete")
class CompanyApiController {

    private final FieldsEndpoints api;
    private final ImportEndpoint imports;

    CompanyApiController(FieldsEndpoints api, ImportEndpoint imports) {
        this.api = api;
        this.imports = imports;
    }

    @GetMapping
    @Operation(summary = "The companies the caller may see, newest change first; q searches names, e-mail and phone; "
            + "department: only that department's; sort: a field (name, country, city, owner, department, id, "
            + "updatedAt, …), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<CompanyJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return api.list(CompanyKind.KIND, CompanyJson.class, actor, q, Map.of(), department, sort, page, size);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a company; the caller owns it, in their department")
    ResponseEntity<CompanyJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CompanyJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(CompanyKind.KIND, CompanyJson.class, actor, body, CompanyJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One company; ETag: its version")
    ResponseEntity<CompanyJson> get(Actor actor, @PathVariable long id) {
        return api.get(CompanyKind.KIND, CompanyJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<CompanyJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = CompanyJson.Input.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(CompanyKind.KIND, CompanyJson.class, actor, id, body, ifMatch, CompanyJson.Input.class,
                Set.of());
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the company to another user: { owner }; each of its contacts follows, with an entry "
            + "in its own history caused by this change")
    ResponseEntity<CompanyJson> transfer(Actor actor, @PathVariable long id,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                         @Content(schema = @Schema(implementation = CompanyJson.Owner.class)))
                                         @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.transfer(CompanyKind.KIND, CompanyJson.class, actor, id, body, ifMatch, CompanyJson.Owner.class);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the company with its contacts and files, as its deletion preview announced; objects: "
            + "the number the preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(CompanyKind.KIND, actor, id, ifMatch, objects);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(CompanyKind.KIND, actor, id);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = ImportEndpoint.SUMMARY,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ImportJson.Upload.class))))
    ImportJson.Result importAll(Actor actor, @Parameter(hidden = true) @RequestPart(ImportFile.FILE) MultipartFile file,
                                @RequestParam(defaultValue = "false") boolean dryRun,
                                @RequestParam(defaultValue = "false") boolean duplicates) {
        return imports.run(actor, CompanyKind.KIND, file, dryRun, duplicates);
    }

    @GetMapping("/export")
    @Operation(summary = "The list as CSV, filtered and ordered as the list with the same parameters (q, department, sort); "
            + "every row the caller may see, streamed; a header row of field names, UTF-8; a text starting with "
            + "= + - or @ is written after a '")
    @ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void export(Actor actor, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long department, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        api.export(CompanyKind.KIND, CompanyJson.class, actor, q, Map.of(), department, sort, response);
    }
}
