package dev.crm.web.user;

import dev.crm.shared.kind.Field;

import dev.crm.shared.kind.ObjectFields;

import dev.crm.shared.user.UserKind;

import dev.crm.app.user.UserAdministration;

import dev.crm.command.Rejected;
import dev.crm.query.department.DepartmentQueries;
import dev.crm.query.department.DepartmentView;
import dev.crm.query.history.HistoryEntry;
import dev.crm.query.history.HistoryReader;
import dev.crm.query.user.UserQueries;
import dev.crm.query.user.UserView;
import dev.crm.shared.Actor;
import dev.crm.shared.FieldChange;
import dev.crm.shared.Role;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * (admin) The user administration pages: the list, a new user, one user (roles, departments, history),
 * deactivating and reactivating after a confirmation. Every change is a command the user aggregate decides.
 */
@Controller
@HtmlPages
@RequestMapping("/admin/users")
class UserAdminPageController {

    /** The declarations of the form's name fields, for their {@code maxlength}. */
    @ModelAttribute("usernameField")
    Field usernameField() {
        return UserKind.USERNAME;
    }

    @ModelAttribute("displayNameField")
    Field displayNameField() {
        return UserKind.DISPLAY_NAME;
    }

    /** The roles an administrator gives; co-worker is implicit. */
    static final List<String> ROLES = Arrays.stream(Role.values()).filter(r -> r != Role.CO_WORKER)
            .map(Role::apiName).toList();

    private final UserAdministration administration;
    private final UserQueries users;
    private final DepartmentQueries departments;
    private final HistoryReader history;
    private final Texts texts;

    UserAdminPageController(UserAdministration administration, UserQueries users, DepartmentQueries departments,
                            HistoryReader history, Texts texts) {
        this.administration = administration;
        this.users = users;
        this.departments = departments;
        this.history = history;
        this.texts = texts;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) Long department,
                @RequestParam(required = false) String state, Model model) {
        requireAdmin(actor);
        Boolean active = "active".equals(state) ? Boolean.TRUE : "inactive".equals(state) ? Boolean.FALSE : null;
        model.addAttribute("users", users.list(q, department, active));
        model.addAttribute("memberships", users.departmentsOfAll());
        model.addAttribute("departmentNames", names());
        model.addAttribute("departments", departments.all());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute(ObjectFields.DEPARTMENT.name(), department);
        model.addAttribute("state", active == null ? "" : state);
        return "admin/users";
    }

    // --- create ---

    @GetMapping("/new")
    String newForm(Actor actor, Model model) {
        requireAdmin(actor);
        return form(model, new UserForm(), Map.of());
    }

    @PostMapping("/new")
    String create(Actor actor, @ModelAttribute("form") UserForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        requireAdmin(actor);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> roles = roles(form.getRoles(), errors);
        if (errors.isEmpty()) {
            try {
                administration.create(actor, form.getUsername().strip(), form.getPassword(),
                        form.getDisplayName(), roles, new LinkedHashSet<>(form.getDepartments()));
                texts.flash(redirect, "success", "flash.user.created", form.getUsername().strip());
                return "redirect:/admin/users/" + form.getUsername().strip();
            } catch (Rejected.Invalid e) {
                errors.putAll(texts.errors(e));
            } catch (Rejected.WrongState e) {
                errors.put("username", texts.of(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        form.setPassword("");
        return form(model, form, errors);
    }

    // --- one user ---

    @GetMapping("/{username}")
    String show(Actor actor, @PathVariable String username, Model model) {
        UserView user = existing(actor, username);
        UserForm form = new UserForm();
        form.setRoles(user.roles().stream().filter(r -> r != Role.CO_WORKER).map(Role::apiName).toList());
        form.setDepartments(users.departments(username));
        return show(actor, user, form, Map.of(), model);
    }

    @PostMapping("/{username}")
    String change(Actor actor, @PathVariable String username, @ModelAttribute("form") UserForm form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        UserView user = existing(actor, username);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> roles = roles(form.getRoles(), errors);
        if (errors.isEmpty()) {
            try {
                administration.change(actor, username, roles, new LinkedHashSet<>(form.getDepartments()));
                texts.flash(redirect, "success", "flash.user.changed", username);
                return "redirect:/admin/users/" + username;
            } catch (Rejected.Invalid e) {
                errors.putAll(texts.errors(e));
            } catch (Rejected.Forbidden e) {
                errors.put("roles", texts.of(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(actor, user, form, errors, model);
    }

    @GetMapping("/{username}/{action:deactivate|activate}")
    String confirm(Actor actor, @PathVariable String username, @PathVariable String action, Model model) {
        UserView user = existing(actor, username);
        model.addAttribute("user", user);
        model.addAttribute("action", action);
        model.addAttribute("self", actor.is(username));
        return "admin/user-active";
    }

    @PostMapping("/{username}/{action:deactivate|activate}")
    String setActive(Actor actor, @PathVariable String username, @PathVariable String action,
                     RedirectAttributes redirect) {
        existing(actor, username);
        try {
            if (action.equals("deactivate")) {
                administration.deactivate(actor, username);
                texts.flash(redirect, "success", "flash.user.deactivated", username);
            } else {
                administration.reactivate(actor, username);
                texts.flash(redirect, "success", "flash.user.activated", username);
            }
        } catch (Rejected.Forbidden e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/admin/users/" + username;
    }

    // --- helpers ---

    private String show(Actor actor, UserView user, UserForm form, Map<String, String> errors, Model model) {
        Map<Long, String> names = names();
        model.addAttribute("user", user);
        model.addAttribute("self", actor.is(user.username()));
        model.addAttribute("memberOf", users.departments(user.username()).stream()
                .map(id -> names.getOrDefault(id, String.valueOf(id))).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", ROLES);
        model.addAttribute("departments", departments.all());
        model.addAttribute("entries", history.userHistory(user.username()).stream()
                .map(e -> readable(e, names)).toList());
        model.addAttribute("kind", UserKind.KIND);
        return "admin/user";
    }

    private String form(Model model, UserForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("roles", ROLES);
        model.addAttribute("departments", departments.all());
        return "admin/user-form";
    }

    /** A history entry with department IDs shown by name (the events hold IDs: names may change). */
    private HistoryEntry readable(HistoryEntry e, Map<Long, String> names) {
        List<FieldChange> changes = e.changes().stream().map(c -> !c.field().equals("departments") ? c
                : new FieldChange(c.field(), departmentNames(c.from(), names), departmentNames(c.to(), names))).toList();
        return new HistoryEntry(e.sequence(), e.at(), e.user(), e.event(), changes, e.file(), e.cascade(),
                e.deletedWith());
    }

    private String departmentNames(String ids, Map<Long, String> names) {
        if (ids == null) {
            return null;
        }
        return Arrays.stream(ids.split(",\\s*")).map(id -> {
            String name = names.get(Long.valueOf(id));
            return name == null ? texts.text("object.id", Long.valueOf(id))
                    : texts.text("admin.user.history.department", name, Long.valueOf(id));
        }).collect(Collectors.joining(", "));
    }

    private Map<Long, String> names() {
        return departments.all().stream().collect(Collectors.toMap(DepartmentView::id, DepartmentView::name,
                (a, b) -> a, LinkedHashMap::new));
    }

    private UserView existing(Actor actor, String username) {
        requireAdmin(actor);
        return users.find(username).orElseThrow(() -> new Rejected.NotFound("error.user.not-found", username));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new Rejected.Forbidden("error.admin-only-page");
        }
    }

    private Set<Role> roles(List<String> names, Map<String, String> errors) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names) {
            Role.fromApiName(name).ifPresentOrElse(roles::add, () -> errors.put("roles",
                    texts.text("validation.unknown-role", name)));
        }
        return roles;
    }
}
