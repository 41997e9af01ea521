package dev.crm.web.reference;

import dev.crm.app.reference.ReferenceService;
import dev.crm.app.user.DepartmentService;
import dev.crm.command.Rejected;
import dev.crm.query.department.DepartmentView;
import dev.crm.query.reference.ReferenceView;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.shared.kind.Kinds;
import dev.crm.shared.reference.ReferenceKind;
import dev.crm.shared.reference.ReferenceKind.Rule;
import dev.crm.shared.reference.ReferenceKind.RuleOf;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * (admin) The pages of the four reference kinds, written once: {@code /admin/<path>} lists a kind's objects in their
 * order with their fields, {@code /admin/<path>/new} and {@code /admin/<path>/{id}/edit} are its form (made from the
 * kind's fields and their rules), and {@code /admin/<path>/{id}/delete} asks before a delete (an administrator
 * restores it from "Deleted"). A secret (a mail account's password) is a password input that starts empty; empty
 * keeps the stored one. A mail account's form also offers a test message ({@link MailAccountPageController}).
 */
@Controller
@HtmlPages
@RequestMapping("/admin/{path:stages|closing-reasons|lead-sources|currencies|mail-accounts}")
class ReferencePageController {

    private final ReferenceService references;
    private final DepartmentService departments;
    private final UserQueries users;
    private final Texts texts;

    ReferencePageController(ReferenceService references, DepartmentService departments, UserQueries users, Texts texts) {
        this.references = references;
        this.departments = departments;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping
    String list(Actor actor, @PathVariable String path, Model model) {
        ReferenceKind kind = kind(path);
        common(actor, kind, model);
        model.addAttribute("objects", references.all(actor, kind));
        return "admin/reference-list";
    }

    @GetMapping("/new")
    String newForm(Actor actor, @PathVariable String path, Model model) {
        ReferenceKind kind = kind(path);
        Map<String, String> values = new LinkedHashMap<>();
        kind.rules().forEach(r -> values.put(r.field().name(), r.rule().absent()));
        return form(actor, kind, model, null, values, null, Map.of());
    }

    @PostMapping
    String create(Actor actor, @PathVariable String path, @RequestParam Map<String, String> form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        ReferenceKind kind = kind(path);
        Map<String, String> values = values(kind, form);
        try {
            ReferenceView created = references.create(actor, kind, values);
            texts.flash(redirect, "success", "flash.reference.created", created.title(), created.id());
            return "redirect:/admin/" + path;
        } catch (Rejected.Invalid | Rejected.WrongState e) {
            response.setStatus(e instanceof Rejected.Invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
            return form(actor, kind, model, null, values, null, errors(e));
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(Actor actor, @PathVariable String path, @PathVariable long id, Model model) {
        ReferenceKind kind = kind(path);
        ReferenceView object = references.find(actor, kind, id);
        return form(actor, kind, model, object, object.values(), object.version(), Map.of());
    }

    @PostMapping("/{id}")
    String change(Actor actor, @PathVariable String path, @PathVariable long id, @RequestParam Map<String, String> form,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ReferenceKind kind = kind(path);
        ReferenceView current = references.find(actor, kind, id);
        Map<String, String> values = values(kind, form);
        Long version = form.get("version") == null || form.get("version").isBlank() ? null
                : Long.valueOf(form.get("version"));
        try {
            ReferenceView changed = references.change(actor, kind, id, version, values);
            texts.flash(redirect, "success", "flash.reference.changed", changed.title(), changed.id());
            return "redirect:/admin/" + path;
        } catch (Rejected.Invalid | Rejected.WrongState e) {
            response.setStatus(e instanceof Rejected.Invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
            return form(actor, kind, model, current, values, version, errors(e));
        } catch (Rejected.StaleVersion e) {
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            model.addAttribute("stale", texts.text("admin.reference.stale"));
            return form(actor, kind, model, current, current.values(), current.version(), Map.of());
        }
    }

    /** Asks before a delete: what goes, and that it can come back. */
    @GetMapping("/{id}/delete")
    String confirmDelete(Actor actor, @PathVariable String path, @PathVariable long id, Model model) {
        ReferenceKind kind = kind(path);
        common(actor, kind, model);
        model.addAttribute("object", references.find(actor, kind, id));
        return "admin/reference-delete";
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable String path, @PathVariable long id,
                  @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        ReferenceKind kind = kind(path);
        ReferenceView object = references.find(actor, kind, id);
        try {
            references.delete(actor, kind, id, version);
            texts.flash(redirect, "success", "flash.reference.deleted", object.title(), object.id());
        } catch (Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e);
        }
        return "redirect:/admin/" + path;
    }

    private String form(Actor actor, ReferenceKind kind, Model model, ReferenceView object, Map<String, String> values,
                        Long version, Map<String, String> errors) {
        common(actor, kind, model);
        model.addAttribute("object", object);
        model.addAttribute("values", values);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        model.addAttribute("general", List.of(""));
        model.addAttribute("stale", model.getAttribute("stale"));
        model.addAttribute("stopped", object == null || kind != ReferenceKind.MAIL_ACCOUNT ? null
                : object.value(dev.crm.shared.reference.MailAccountStopped.FIELD));
        return "admin/reference-form";
    }

    private void common(Actor actor, ReferenceKind kind, Model model) {
        List<DepartmentView> all = departments.all(actor);
        Map<String, String> names = new LinkedHashMap<>();
        all.forEach(d -> names.put(Long.toString(d.id()), d.name()));
        model.addAttribute("kind", kind.kind());
        model.addAttribute("rules", kind.rules());
        model.addAttribute("page", "admin." + kind.kind().path());
        model.addAttribute("help", "admin-" + kind.kind().path());
        model.addAttribute("departments", names);
        model.addAttribute("testable", kind == ReferenceKind.MAIL_ACCOUNT);
        if (kind.rules().stream().anyMatch(r -> r.rule() == Rule.USER)) {
            Map<String, String> people = new LinkedHashMap<>();
            users.active().forEach(u -> people.put(u.username(), u.displayName() + " (" + u.username() + ")"));
            model.addAttribute("users", people);
        }
        model.addAttribute("securities", ReferenceKind.SECURITIES);
    }

    /** The form's fields as the service takes them: a flag is its checkbox, an empty department none. */
    private static Map<String, String> values(ReferenceKind kind, Map<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RuleOf rule : kind.rules()) {
            String name = rule.field().name();
            String value = form.get(name);
            if (rule.rule() == Rule.FLAG) {
                values.put(name, Boolean.toString(value != null));
            } else {
                values.put(name, value == null || value.isBlank() ? null : value.strip());
            }
        }
        return values;
    }

    private Map<String, String> errors(Rejected e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e instanceof Rejected.Invalid invalid) {
            invalid.errors().forEach(f -> errors.merge(f.field(), texts.text(f.code(), f.args()), (a, b) -> a + " " + b));
        } else {
            errors.put("", texts.of(e));
        }
        return errors;
    }

    static ReferenceKind kind(String path) {
        return Kinds.byPath(path).flatMap(k -> ReferenceKind.named(k.name()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
