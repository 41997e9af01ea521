package dev.crm.web.department;


import dev.crm.app.user.DepartmentService;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.department.DepartmentView;
import dev.crm.shared.Actor;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/departments")
@Tag(name = "departments", description = "(admin) Departments: users belong to one or more")
class DepartmentApiController {

    /** What PATCH may change: the name and the head. */
    static final java.util.Set<String> CHANGEABLE = JsonBody.fieldsOf(DepartmentJson.Change.class);
    static final Set<String> WRITABLE = JsonBody.fieldsOf(DepartmentJson.New.class);
    static final Set<String> READ_ONLY = Set.of("id", "kind", "version", "createdAt", "updatedAt");

    private final DepartmentService departments;

    DepartmentApiController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "(admin) Every department, by name")
    @dev.crm.web.openapi.AdminOnly
    ItemList<DepartmentJson> list(Actor actor) {
        List<DepartmentView> all = departments.all(actor);
        return ItemList.whole(all.stream().map(DepartmentJson::of).toList());
    }

    @PostMapping
    @Operation(summary = "(admin) Create a department: { \"name\" }; a name already taken (in any case) is 409")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<DepartmentJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true, content = @Content(schema = @Schema(implementation = DepartmentJson.New.class)))
            @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        String name = in.text("name");
        in.check();
        DepartmentView department = departments.create(actor, name);
        return ResponseEntity.created(URI.create("/api/admin/departments/" + department.id()))
                .eTag(etag(department)).body(DepartmentJson.of(department));
    }

    @GetMapping("/{id}")
    @Operation(summary = "(admin) One department; ETag: its version")
    @dev.crm.web.openapi.AdminOnly
    ResponseEntity<DepartmentJson> get(Actor actor, @PathVariable long id) {
        DepartmentView department = departments.find(actor, id);
        return ResponseEntity.ok().eTag(etag(department)).body(DepartmentJson.of(department));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "(admin) Rename a department and/or set its head and time zone: { \"name\", \"head\", "
            + "\"timeZone\" } (head: a member, or null for none; timeZone: an IANA id, or null for the server's "
            + "default); If-Match: \"<version>\" guards against lost updates")
    ResponseEntity<DepartmentJson> rename(Actor actor, @PathVariable long id,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                          @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                  content = @Content(schema = @Schema(
                                                          implementation = DepartmentJson.Change.class)))
                                          @RequestBody JsonNode body) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, CHANGEABLE, READ_ONLY);
        String name = in.text("name");
        if (name == null && !in.has("head") && !in.has("timeZone")) {
            in.addError("name", "validation.required");
        }
        String head = in.text("head");
        String timeZone = in.text("timeZone");
        in.check();
        DepartmentView department = departments.change(actor, id, expected, name, in.has("head"), head,
                in.has("timeZone"), timeZone);
        return ResponseEntity.ok().eTag(etag(department)).body(DepartmentJson.of(department));
    }

    private static String etag(DepartmentView d) {
        return "\"" + d.version() + "\"";
    }
}
