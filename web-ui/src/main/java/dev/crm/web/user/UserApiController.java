package dev.crm.web.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.crm.command.Rejected;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.web.problem.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.EnumSet;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "users", description = "The caller, and user administration (admins)")
class UserApiController {

    private final UserAdministration administration;
    private final UserQueries users;

    UserApiController(UserAdministration administration, UserQueries users) {
        this.administration = administration;
        this.users = users;
    }

    @GetMapping("/api/me")
    Map<String, Object> me(Actor actor) {
        UserView user = users.find(actor.username()).orElseThrow();
        return Map.of("username", user.username(), "displayName", user.displayName(), "roles", roleNames(actor.roles()));
    }

    @PostMapping("/api/users")
    @Operation(summary = "(admin) Create a user: username, password, displayName, roles")
    ResponseEntity<Map<String, Object>> create(Actor actor, @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, Set.of("username", "password", "displayName", "roles"), Set.of());
        String username = in.text("username");
        String password = in.text("password");
        String displayName = in.text("displayName");
        Set<Role> roles = roles(in);
        in.check();
        administration.create(actor, username, password, displayName, roles);
        return ResponseEntity.created(URI.create("/api/users/" + username)).body(json(users.find(username).orElseThrow()));
    }

    @PutMapping("/api/users/{username}/roles")
    @Operation(summary = "(admin) Replace a user's roles")
    Map<String, Object> changeRoles(Actor actor, @PathVariable String username, @RequestBody JsonNode body) {
        JsonBody in = JsonBody.of(body, Set.of("roles"), Set.of());
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
        administration.changeRoles(actor, username, roles);
        return json(users.find(username).orElseThrow());
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

    private static Map<String, Object> json(UserView user) {
        return Map.of("username", user.username(), "displayName", user.displayName(),
                "roles", roleNames(user.actor().roles()), "active", user.active());
    }

    private static List<String> roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::apiName).toList();
    }
}
