package dev.crm.web.department;

import dev.crm.shared.department.DepartmentKind;

import dev.crm.app.user.DepartmentService;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.query.department.DepartmentView;
import dev.crm.shared.Actor;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    static final java.util.Set<String> CHANGEABLE = java.util.Set.of("name", "head");
    static final Set<String> WRITABLE = Set.of("name");
    static final Set<String> READ_ONLY = Set.of("id", "kind", "version", "createdAt", "updatedAt");

    private final DepartmentService departments;

    DepartmentApiController(DepartmentService departments) {
        this.departments = departments;
    }

    @GetMapping
    @Operation(summary = "(admin) Every department, by name")
    Map<String, Object> list(Actor actor) {
        List<DepartmentView> all = departments.all(actor);
        return dev.crm.web.page.ListJson.whole(all.stream().map(DepartmentApiController::json).toList());
    }

    @PostMapping
    @Operation(summary = "(admin) Create a department: { \"name\" }; a name already taken (in any case) is 409")
    ResponseEntity<Map<String, Object>> create(Actor actor, @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, WRITABLE, READ_ONLY);
        String name = in.text("name");
        in.check();
        DepartmentView department = departments.create(actor, name);
        return ResponseEntity.created(URI.create("/api/admin/departments/" + department.id()))
                .eTag(etag(department)).body(json(department));
    }

    @GetMapping("/{id}")
    ResponseEntity<Map<String, Object>> get(Actor actor, @PathVariable long id) {
        DepartmentView department = departments.find(actor, id);
        return ResponseEntity.ok().eTag(etag(department)).body(json(department));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "(admin) Rename a department and/or set its head: { \"name\", \"head\" } (head: a member, "
            + "or null for none); If-Match: \"<version>\" guards against lost updates")
    ResponseEntity<Map<String, Object>> rename(Actor actor, @PathVariable long id,
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @RequestBody JsonNode body) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, CHANGEABLE, READ_ONLY);
        String name = in.text("name");
        if (name == null && !in.has("head")) {
            in.addError("name", "validation.required");
        }
        String head = in.text("head");
        in.check();
        DepartmentView department = departments.change(actor, id, expected, name, in.has("head"), head);
        return ResponseEntity.ok().eTag(etag(department)).body(json(department));
    }

    static Map<String, Object> json(DepartmentView d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("kind", DepartmentKind.NAME);
        json.put("name", d.name());
        json.put("head", d.head());
        json.put("version", d.version());
        json.put("createdAt", d.createdAt());
        json.put("updatedAt", d.updatedAt());
        return json;
    }

    private static String etag(DepartmentView d) {
        return "\"" + d.version() + "\"";
    }
}
