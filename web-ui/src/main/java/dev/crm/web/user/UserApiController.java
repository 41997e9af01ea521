package dev.crm.web.user;

import dev.crm.app.user.UserAdministration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.command.Rejected;
import dev.crm.query.history.HistoryReader;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.problem.IfMatch;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import dev.crm.web.page.HistoryJson;
import dev.crm.web.page.ItemList;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "users", description = "The caller, and user administration (admins)")
class UserApiController {

    private final UserAdministration administration;
    private final UserQueries users;
    private final HistoryReader history;

    UserApiController(UserAdministration administration, UserQueries users, HistoryReader history) {
        this.administration = administration;
        this.users = users;
        this.history = history;
    }

    @GetMapping("/api/me")
    @Operation(operationId = "getMe", summary = "The caller: username, roles, departments")
    UserJson.Me me(Actor actor) {
        UserView user = users.find(actor.username()).orElseThrow();
        return new UserJson.Me(user.username(), user.displayName(), UserJson.roleNames(actor.roles()),
                users.departments(user.username()), user.language(), user.timeZone());
    }

    @org.springframework.web.bind.annotation.PatchMapping("/api/me")
    @Operation(operationId = "changeMySettings", summary = "The caller's own settings: { \"language\": \"en\" | \"de\", "
            + "\"timeZone\": \"<IANA id>\" }; the next request follows them")
    UserJson.Me changeMySettings(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = UserJson.Settings.class))) @RequestBody JsonNode body) {
        settings(actor, actor.username(), null, body);
        return me(actor);
    }

    @PutMapping("/api/users/{username}/settings")
    @Operation(summary = "(admin, or the user themself) A user's language and time zone: { \"language\", \"timeZone\" }")
    ResponseEntity<UserJson> changeSettings(Actor actor, @PathVariable String username,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                                                    content = @Content(schema = @Schema(
                                                            implementation = UserJson.Settings.class)))
                                            @RequestBody JsonNode body) {
        Long expected = IfMatch.version(ifMatch);
        if (!actor.is(username)) {
            existing(actor, username);
        }
        settings(actor, username, expected, body);
        return current(username);
    }

    private void settings(Actor actor, String username, Long expected, JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(UserJson.Settings.class), Set.of());
        // absent or null (as a generated client sends what it was not given): as it is; "": none chosen (the
        // browser's language, the server's zone)
        String language = in.text("language");
        String timeZone = in.text("timeZone");
        in.check();
        administration.changeSettings(actor, username, expected, language, timeZone);
    }

    @PostMapping("/api/users")
    @Operation(summary = "(admin) Create a user: username, password, displayName, roles")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<UserJson> create(Actor actor, @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = UserJson.New.class))) @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(UserJson.New.class), Set.of("active"));
        String username = in.text("username");
        String password = in.text("password");
        String displayName = in.text("displayName");
        Set<Role> roles = roles(in);
        Set<Long> departments = departments(in, body);
        in.check();
        // null (as a generated client sends what it was not given) is none, like an absent field
        administration.create(actor, username, password, displayName, roles == null ? EnumSet.noneOf(Role.class) : roles,
                departments == null ? Set.of() : departments);
        UserView user = users.find(username).orElseThrow();
        return ResponseEntity.created(URI.create("/api/users/" + username)).eTag(etag(user)).body(json(user));
    }

    @PutMapping("/api/users/{username}/roles")
    @Operation(summary = "(admin) Replace a user's roles")
    ResponseEntity<UserJson> changeRoles(Actor actor, @PathVariable String username,
                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                         @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                 schema = @Schema(implementation = UserJson.Roles.class))) @RequestBody JsonNode body) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(UserJson.Roles.class), Set.of());
        Set<Role> roles = roles(in);
        if (roles == null) {
            in.addError("roles", "validation.required");
        }
        in.check();
        if (users.find(username).isEmpty()) {
            if (!actor.isAdmin()) {
                throw new Rejected.Forbidden("error.admin-only");
            }
            throw new Rejected.Invalid("username", "validation.unknown-user", username);
        }
        administration.changeRoles(actor, username, expected, roles);
        return current(username);
    }

    // --- user administration ---

    @GetMapping("/api/users")
    @Operation(summary = "(admin) Every user, active or not: q in username or display name, department (ID), active")
    @dev.crm.web.openapi.AdminOnly
    ItemList<UserJson> list(Actor actor, @RequestParam(required = false) String q,
                             @RequestParam(required = false) Long department,
                             @RequestParam(required = false) Boolean active) {
        requireAdmin(actor);
        Map<String, List<Long>> departments = users.departmentsOfAll();
        List<UserJson> items = users.list(q, department, active).stream()
                .map(u -> json(u, departments.getOrDefault(u.username(), List.of()))).toList();
        return ItemList.whole(items);
    }

    @GetMapping("/api/users/{username}")
    @Operation(summary = "(admin) One user: username, displayName, roles, departments, active")
    @dev.crm.web.openapi.AdminOnly
    ResponseEntity<UserJson> get(Actor actor, @PathVariable String username) {
        UserView user = existing(actor, username);
        return ResponseEntity.ok().eTag(etag(user)).body(json(user));
    }

    @PutMapping("/api/users/{username}/departments")
    @Operation(summary = "(admin) Replace the departments a user belongs to: { \"departments\": [ids] }")
    ResponseEntity<UserJson> changeDepartments(Actor actor, @PathVariable String username,
                               @RequestHeader(name = "If-Match", required = false) String ifMatch,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                                       schema = @Schema(implementation = UserJson.Departments.class)))
                               @RequestBody JsonNode body) {
        Long expected = IfMatch.version(ifMatch);
        JsonBody in = JsonBody.of(body, JsonBody.fieldsOf(UserJson.Departments.class), Set.of());
        Set<Long> departments = departments(in, body);
        if (departments == null) {
            in.addError("departments", "validation.required");
        }
        in.check();
        existing(actor, username);
        administration.changeDepartments(actor, username, expected, departments);
        return current(username);
    }

    @PostMapping("/api/users/{username}/deactivate")
    @Operation(summary = "(admin) Deactivate a user: no sign-in, not to be chosen; their objects and history stay")
    ResponseEntity<UserJson> deactivate(Actor actor, @PathVariable String username,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        existing(actor, username);
        administration.deactivate(actor, username, expected);
        return current(username);
    }

    @PostMapping("/api/users/{username}/activate")
    @Operation(summary = "(admin) Reactivate a deactivated user")
    ResponseEntity<UserJson> activate(Actor actor, @PathVariable String username,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Long expected = IfMatch.version(ifMatch);
        existing(actor, username);
        administration.reactivate(actor, username, expected);
        return current(username);
    }

    @GetMapping("/api/users/{username}/history")
    @Operation(summary = "(admin) The user's history from their own event stream, oldest first, as object history")
    @dev.crm.web.openapi.AdminOnly
    HistoryJson history(Actor actor, @PathVariable String username) {
        existing(actor, username);
        return new HistoryJson(history.userHistory(username));
    }

    /** Admins only (403 for others); an unknown user is 404. */
    private UserView existing(Actor actor, String username) {
        requireAdmin(actor);
        return users.find(username).orElseThrow(() -> new Rejected.NotFound("error.user.not-found", username));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only");
        }
    }

    /** The department IDs of a body; null when absent or JSON null. */
    private static Set<Long> departments(JsonBody in, JsonNode body) {
        JsonNode value = body == null ? null : body.get("departments");
        if (value == null || value.isNull()) {
            return null;
        }
        Set<Long> ids = new LinkedHashSet<>();
        if (!value.isArray()) {
            in.addError("departments", "validation.type.id-list");
            return ids;
        }
        for (JsonNode id : value) {
            if (id.isIntegralNumber() && id.canConvertToLong()) {
                ids.add(id.longValue());
            } else {
                in.addError("departments", "validation.type.id-list");
                return ids;
            }
        }
        return ids;
    }

    private static Set<Role> roles(JsonBody in) {
        List<String> names = in.textList("roles");
        if (names == null) {
            return in.has("roles") ? null : EnumSet.noneOf(Role.class);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Optional<Role> role = Role.fromApiName(name);
            if (role.isEmpty()) {
                in.addError("roles", "validation.unknown-role", name);
            } else {
                roles.add(role.get());
            }
        }
        return roles;
    }

    /** The user as it is now, with its version (the number of events of its stream) as ETag. */
    private ResponseEntity<UserJson> current(String username) {
        UserView user = users.find(username).orElseThrow();
        return ResponseEntity.ok().eTag(etag(user)).body(json(user));
    }

    private static String etag(UserView user) {
        return "\"" + user.version() + "\"";
    }

    private UserJson json(UserView user) {
        return json(user, users.departments(user.username()));
    }

    static UserJson json(UserView user, List<Long> departments) {
        return UserJson.of(user, departments);
    }
}
