package dev.crm.web.object;

import dev.crm.command.Rejected;
import dev.crm.shared.Actor;
import dev.crm.shared.Role;
import dev.crm.shared.access.Permissions;
import dev.crm.shared.access.Permissions.Action;
import dev.crm.shared.access.Permissions.Scope;
import dev.crm.web.page.HtmlPages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** (admin) The permission matrix as the server enforces it: {@link Permissions}, read, never copied. */
@Controller
@HtmlPages
class PermissionsPageController {

    /** One cell: the letters of the allowed actions grouped by scope, e.g. "cdv" → all, "a" → rules. */
    public record Cell(List<Map.Entry<String, String>> groups) {
    }

    static final List<Role> COLUMNS = List.of(Role.CO_WORKER, Role.MANAGER, Role.OPERATOR, Role.CHIEF,
            Role.TASK_OPERATOR, Role.ACCOUNTANT, Role.ADMIN);

    @GetMapping("/admin/permissions")
    String matrix(Actor actor, Model model) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        for (String kind : Permissions.kinds()) {
            List<Cell> cells = new ArrayList<>();
            for (Role role : COLUMNS) {
                cells.add(cell(role, kind));
            }
            rows.put(kind, cells);
        }
        model.addAttribute("roles", COLUMNS.stream().map(Role::apiName).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("following", Permissions.followingKinds());
        return "admin/permissions";
    }

    static Cell cell(Role role, String kind) {
        Map<String, String> byScope = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            Scope scope = Permissions.scope(role, kind, action);
            if (scope != Scope.NONE) {
                byScope.merge(scope.apiName(), String.valueOf(action.letter()), String::concat);
            }
        }
        return new Cell(new ArrayList<>(byScope.entrySet().stream()
                .map(e -> Map.entry(e.getValue(), e.getKey())).toList()));
    }
}
