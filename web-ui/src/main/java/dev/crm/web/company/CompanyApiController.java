package dev.crm.web.company;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.company.CompanyService;
import dev.crm.app.imports.ImportFile;
import dev.crm.query.Page;
import dev.crm.query.Sort;
import dev.crm.query.company.CompanyQueries;
import dev.crm.query.company.CompanyView;
import dev.crm.shared.Actor;
import dev.crm.shared.company.CompanyKind;
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
@RequestMapping("/api/companies")
@Tag(name = "companies", description = "Companies: create, change, transfer (with their contacts), delete")
class CompanyApiController {

    static final Set<String> READ_ONLY = Set.of(ObjectFields.ID.name(), ObjectFields.KIND.name(),
            ObjectFields.VERSION.name(), ObjectFields.OWNER.name(), ObjectFields.DEPARTMENT.name(),
            ObjectFields.CREATED_AT.name(), ObjectFields.UPDATED_AT.name());
    static final Set<String> WRITABLE = JsonBody.fieldsOf(CompanyJson.Input.class);

    private final CompanyService service;

    private final CsvExport csv;
    private final ImportEndpoint imports;

    CompanyApiController(CompanyService service, ImportEndpoint imports, CsvExport csv) {
        this.csv = csv;
        this.imports = imports;
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "The companies the caller may see, newest change first; q searches names, e-mail and phone; "
            + "department: only that department's; sort: a field (name, country, city, owner, department, id, "
            + "updatedAt), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<CompanyJson> list(Actor actor, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Long department,
                               @RequestParam(required = false) String sort,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw BadRequest.of(page < 0 ? "page" : "size", "validation.paging", Page.MAX_SIZE);
        }
        Page<CompanyView> result = service.list(actor, q, department == null ? null : List.of(department),
                Sort.of(sort, CompanyQueries.SORTS, CompanyQueries.LATEST), page, size);
        return ItemList.of(result, result.items().stream().map(CompanyJson::of).toList());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a company; the caller owns it, in their department")
    ResponseEntity<CompanyJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = CompanyJson.Input.class))) @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        var fields = in.fields(CompanyKind.KIND);
        in.check();
        CompanyView company = service.create(actor, fields);
        return ResponseEntity.created(URI.create("/api/companies/" + company.id())).eTag(etag(company))
                .body(CompanyJson.of(company));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One company; ETag: its version")
    ResponseEntity<CompanyJson> get(Actor actor, @PathVariable long id) {
        return one(service.visible(actor, id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields; If-Match: \"<version>\" guards against lost updates (412)")
    ResponseEntity<CompanyJson> change(Actor actor, @PathVariable long id,
                                       @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                       @Content(schema = @Schema(implementation = CompanyJson.Input.class)))
                                       @RequestBody JsonNode body,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        var fields = in.fields(CompanyKind.KIND);
        // null for the name, which cannot be emptied, leaves it as it is
        if (fields.containsKey(CompanyKind.COMPANY_NAME.name()) && fields.get(CompanyKind.COMPANY_NAME.name()) == null) {
            fields.remove(CompanyKind.COMPANY_NAME.name());
        }
        in.check();
        return one(service.change(actor, id, expected, fields));
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give the company to another user: { owner }; each of its contacts follows, with an entry "
            + "in its own history caused by this change")
    ResponseEntity<CompanyJson> transfer(Actor actor, @PathVariable long id,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                         @Content(schema = @Schema(implementation = CompanyJson.Owner.class)))
                                         @RequestBody JsonNode body,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(CompanyJson.Owner.class), Set.of());
        String owner = in.text(ObjectFields.OWNER.name());
        if (owner == null) {
            in.addError(ObjectFields.OWNER.name(), "validation.required");
        }
        in.check();
        return one(service.transfer(actor, id, expected, owner));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the company with its contacts and files, as its deletion preview announced; objects: "
            + "the number the preview announced, 409 when it would now remove another number")
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
        Sort order = Sort.of(sort, CompanyQueries.SORTS, CompanyQueries.LATEST);
        List<Long> departments = department == null ? null : List.of(department);
        csv.write(response, CompanyKind.KIND.path(), CompanyJson.class, page -> service.list(actor, q, departments,
                order, page, CsvExport.PAGE).items().stream().map(CompanyJson::of).toList());
    }

    private static ResponseEntity<CompanyJson> one(CompanyView company) {
        return ResponseEntity.ok().eTag(etag(company)).body(CompanyJson.of(company));
    }

    private static String etag(CompanyView company) {
        return "\"" + company.version() + "\"";
    }
}
