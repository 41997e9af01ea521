package dev.crm.web.department;

import org.springframework.web.bind.annotation.ModelAttribute;

import dev.crm.shared.kind.Field;

import dev.crm.shared.department.DepartmentKind;

import dev.crm.app.user.DepartmentService;

import dev.crm.command.Rejected;
import dev.crm.query.department.DepartmentView;
import dev.crm.query.user.UserQueries;
import dev.crm.shared.Actor;
import dev.crm.web.page.HtmlPages;
import dev.crm.web.page.Texts;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** (admin) The departments: the list with a form for a new one, and renaming one. */
@Controller
@HtmlPages
@RequestMapping("/admin/departments")
class DepartmentPageController {

    /** The name's declaration, for the forms' {@code maxlength}. */
    @ModelAttribute("nameField")
    Field nameField() {
        return DepartmentKind.DEPARTMENT_NAME;
    }

    private final DepartmentService departments;
    private final UserQueries users;
    private final Texts texts;

    DepartmentPageController(DepartmentService departments, UserQueries users, Texts texts) {
        this.departments = departments;
        this.users = users;
        this.texts = texts;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        return list(actor, model, "", null);
    }

    @PostMapping
    String create(Actor actor, @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            DepartmentView department = departments.create(actor, name);
            texts.flash(redirect, "success", "flash.department.created", department.name(), department.id());
            return "redirect:/admin/departments";
        } catch (Rejected.Invalid | Rejected.WrongState e) {
            response.setStatus(e instanceof Rejected.Invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
            return list(actor, model, name, error(e));
        }
    }

    @GetMapping("/{id}/rename")
    String renameForm(Actor actor, @PathVariable long id, Model model) {
        DepartmentView department = departments.find(actor, id);
        return renameForm(model, department, department.name(), department.version(), null, null);
    }

    @PostMapping("/{id}/rename")
    String rename(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        DepartmentView current = departments.find(actor, id);
        try {
            DepartmentView department = departments.rename(actor, id, version, name);
            texts.flash(redirect, "success", "flash.department.renamed", department.name(), department.id());
            return "redirect:/admin/departments";
        } catch (Rejected.Invalid | Rejected.WrongState e) {
            response.setStatus(e instanceof Rejected.Invalid ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
            return renameForm(model, current, name, version, error(e), null);
        } catch (Rejected.StaleVersion e) {
            // renamed by someone else meanwhile: show the name as it is now, keep what was typed in the field
            response.setStatus(HttpStatus.PRECONDITION_FAILED.value());
            return renameForm(model, current, name, current.version(), null, texts.text("admin.department.stale",
                    current.name()));
        }
    }

    @PostMapping("/{id}/head")
    String head(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String head,
                @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        departments.find(actor, id);
        try {
            DepartmentView department = departments.setHead(actor, id, version, head);
            texts.flash(redirect, "success", "flash.department.head", department.name(),
                    department.head() == null ? texts.text("admin.department.head.none") : department.head());
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e instanceof Rejected.Invalid invalid && !invalid.errors().isEmpty()
                    ? new Rejected.WrongState(invalid.errors().get(0).code(), invalid.errors().get(0).args()) : e);
        }
        return "redirect:/admin/departments/" + id + "/rename";
    }

    @PostMapping("/{id}/time-zone")
    String timeZone(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "") String timeZone,
                    @RequestParam(required = false) Long version, RedirectAttributes redirect) {
        departments.find(actor, id);
        try {
            DepartmentView department = departments.setTimeZone(actor, id, version, timeZone);
            texts.flash(redirect, "success", "flash.department.time-zone", department.name(),
                    department.timeZone() == null ? texts.text("admin.department.time-zone.none") : department.timeZone());
        } catch (Rejected.Invalid | Rejected.WrongState | Rejected.StaleVersion e) {
            texts.flashRejected(redirect, e instanceof Rejected.Invalid invalid && !invalid.errors().isEmpty()
                    ? new Rejected.WrongState(invalid.errors().get(0).code(), invalid.errors().get(0).args()) : e);
        }
        return "redirect:/admin/departments/" + id + "/rename";
    }

    private String list(Actor actor, Model model, String name, String error) {
        List<DepartmentView> all = departments.all(actor);
        Map<Long, Integer> members = new HashMap<>();
        users.departmentsOfAll().values().forEach(ids -> ids.forEach(id -> members.merge(id, 1, Integer::sum)));
        model.addAttribute("departments", all);
        model.addAttribute("members", members);
        model.addAttribute("name", name);
        model.addAttribute("error", error);
        return "admin/departments";
    }

    private String renameForm(Model model, DepartmentView department, String name, Long version, String error,
                              String stale) {
        model.addAttribute("department", department);
        model.addAttribute("zones", java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(dev.crm.command.Zones::isZone).sorted().toList());
        model.addAttribute("departmentMembers", users.list(null, department.id(), true));
        model.addAttribute("name", name);
        model.addAttribute("version", version);
        model.addAttribute("error", error);
        model.addAttribute("stale", stale);
        return "admin/department-form";
    }

    private String error(Rejected e) {
        if (e instanceof Rejected.Invalid invalid) {
            return invalid.errors().stream().map(f -> texts.text(f.code(), f.args())).reduce((a, b) -> a + " " + b)
                    .orElse(texts.of(e));
        }
        return texts.of(e);
    }
}
