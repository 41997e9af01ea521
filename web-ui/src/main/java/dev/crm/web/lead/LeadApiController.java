package dev.crm.web.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.app.imports.ImportFile;
import dev.crm.app.lead.LeadConversion;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Field;
import dev.crm.shared.lead.LeadKind;
import dev.crm.web.fields.FieldsEndpoints;
import dev.crm.web.imports.ImportEndpoint;
import dev.crm.web.imports.ImportJson;
import dev.crm.web.page.CsvExport;
import dev.crm.web.page.DeletionPreviewJson;
import dev.crm.web.page.ItemList;
import dev.crm.web.problem.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** The leads' API: its paths and schemas; the work is the shared {@link FieldsEndpoints}' and the conversion's. */
@RestController
@RequestMapping("/api/leads")
@Tag(name = "leads", description = "Leads: create, change, transfer, delete, and convert into a company and a contact")
class LeadApiController {

    private final FieldsEndpoints api;
    private final LeadConversion conversion;
    private final ImportEndpoint imports;

    LeadApiController(FieldsEndpoints api, LeadConversion conversion, ImportEndpoint imports) {
        this.api = api;
        this.conversion = conversion;
        this.imports = imports;
    }

    @GetMapping
    @Operation(summary = "The leads the caller may see, newest change first; q searches names, company name, e-mail "
            + "and phone; source, company, contact: only those with that source, or converted into that company or "
            + "contact; department: only that department's; sort: a field (lastName, companyName, city, owner, id, "
            + "updatedAt, …), '-' first for descending", description = ItemList.DESCRIPTION)
    ItemList<LeadJson> list(Actor actor, @RequestParam(required = false) String q,
                            @RequestParam(required = false) Long source,
                            @RequestParam(required = false) Long company,
                            @RequestParam(required = false) Long contact,
                            @RequestParam(required = false) Long department,
                            @RequestParam(required = false) String sort,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return api.list(LeadKind.KIND, LeadJson.class, actor, q, references(source, company, contact), department,
                sort, page, size);
    }

    /** The reference filters given (a null value: not given). */
    private static Map<Field, Long> references(Long source, Long company, Long contact) {
        Map<Field, Long> equal = new LinkedHashMap<>();
        equal.put(LeadKind.SOURCE, source);
        equal.put(LeadKind.COMPANY, company);
        equal.put(LeadKind.CONTACT, contact);
        return equal;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a lead; the caller owns it, in their department")
    ResponseEntity<LeadJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = LeadJson.Input.class))) @RequestBody JsonNode body) {
        return api.create(LeadKind.KIND, LeadJson.class, actor, body, LeadJson.Input.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead; ETag: its version")
    ResponseEntity<LeadJson> get(Actor actor, @PathVariable long id) {
        return api.get(LeadKind.KIND, LeadJson.class, actor, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change some fields of a lead that is not converted (409 once it is); If-Match: "
            + "\"<version>\" guards against lost updates (412)")
    ResponseEntity<LeadJson> change(Actor actor, @PathVariable long id,
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                    @Content(schema = @Schema(implementation = LeadJson.Input.class)))
                                    @RequestBody JsonNode body,
                                    @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.change(LeadKind.KIND, LeadJson.class, actor, id, body, ifMatch, LeadJson.Input.class, Set.of());
    }

    @PutMapping("/{id}/owner")
    @Operation(summary = "Give a lead that is not converted to another user: { owner }")
    ResponseEntity<LeadJson> transfer(Actor actor, @PathVariable long id,
                                      @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content =
                                      @Content(schema = @Schema(implementation = LeadJson.Owner.class)))
                                      @RequestBody JsonNode body,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return api.transfer(LeadKind.KIND, LeadJson.class, actor, id, body, ifMatch, LeadJson.Owner.class);
    }

    @PostMapping("/{id}/convert")
    @Operation(summary = "Convert the lead, in one step: its company is found among the live ones by name "
            + "(case-insensitive) or by its e-mail's domain (the company's website or e-mail; public mail domains such "
            + "as gmail.com are ignored), or made from the lead; a contact is made in it; the lead is closed. Each "
            + "history shows the step. Two or more matching companies: 409 naming them, nothing changed; a converted "
            + "lead: 409. Needs the right to change the lead and to add companies and contacts")
    LeadJson.Conversion convert(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        LeadConversion.Converted converted = conversion.convert(actor, id, IfMatch.version(ifMatch));
        return new LeadJson.Conversion(converted.company(), converted.contact());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the lead with its files, as its deletion preview announced; objects: the number the "
            + "preview announced, 409 when it would now remove another number")
    ResponseEntity<Void> delete(Actor actor, @PathVariable long id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @RequestParam(required = false) Integer objects) {
        return api.delete(LeadKind.KIND, actor, id, ifMatch, objects);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = ImportEndpoint.SUMMARY + "; a lead repeats one with the same e-mail, or with the same first "
            + "name, last name and company name",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                    schema = @Schema(implementation = ImportJson.Upload.class))))
    ImportJson.Result importAll(Actor actor, @Parameter(hidden = true) @RequestPart(ImportFile.FILE) MultipartFile file,
                                @RequestParam(defaultValue = "false") boolean dryRun,
                                @RequestParam(defaultValue = "false") boolean duplicates) {
        return imports.run(actor, LeadKind.KIND, file, dryRun, duplicates);
    }

    @GetMapping("/export")
    @Operation(summary = "The list as CSV, filtered and ordered as the list with the same parameters (q, source, "
            + "company, contact, department, sort); every row the caller may see, streamed; a header row of field "
            + "names, UTF-8; a text starting with = + - or @ is written after a '")
    @ApiResponse(responseCode = "200", description = "CSV, UTF-8",
            content = @Content(mediaType = CsvExport.TEXT_CSV, schema = @Schema(type = "string")))
    void export(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) Long source,
                @RequestParam(required = false) Long company, @RequestParam(required = false) Long contact,
                @RequestParam(required = false) Long department, @RequestParam(required = false) String sort,
                HttpServletResponse response) throws IOException {
        api.export(LeadKind.KIND, LeadJson.class, actor, q, references(source, company, contact), department, sort,
                response);
    }

    @GetMapping("/{id}/deletion-preview")
    @Operation(summary = "What a delete removes: the objects the caller may view, and how many others (hidden)")
    DeletionPreviewJson deletionPreview(Actor actor, @PathVariable long id) {
        return api.deletionPreview(LeadKind.KIND, actor, id);
    }
}
